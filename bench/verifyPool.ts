/**
 * How many batches one verified call should read (greedyDecoding's batchesPerCall):
 * the same verified sweep of the bundled model in Node at several pool
 * sizes, in alternating rounds in one process, fastest run of each.
 * usage: npx tsx bench/verifyPool.ts [--problems 40] [--batch 32] [--repeats 3] [--pools 4,8,16,32]
 */
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../src/node/loadNodeModel';
import { headMaskTransform } from '../src/engine/onnx/addHeadMask';
import { gradeAnswer } from '../src/engine/grading/gradeAnswer';
import { runSweep } from '../src/engine/sweep/runSweep';
import { benchSweepFile } from './benchSweepFile';
import { machineDescription, report } from './benchTable';

const { values } = parseArgs({
  options: { problems: { type: 'string', default: '40' }, batch: { type: 'string', default: '32' }, repeats: { type: 'string', default: '3' }, pools: { type: 'string', default: '4,8,16,32' } },
});
const model = await loadNodeModel(BUNDLED_MODEL_DIR, { transform: headMaskTransform() });
const base = benchSweepFile({ fingerprint: model.fingerprint, mode: 'generate', seed: 13, count: Number(values.problems) });
const batchRows = Number(values.batch);
const pools = values.pools.split(',').map(Number);
const cells = base.configs.length * base.problems.length;
await runSweep(model, { ...base, problems: base.problems.slice(0, 1) }, { batchRows, grade: gradeAnswer }); // warm-up, opens the layer sessions
const load = [loadavg()[0]];
const best = new Map<number, number>();
for (let r = 0; r < Number(values.repeats); r++) {
  for (const pool of pools) {
    const t = performance.now();
    await runSweep(model, base, { batchRows, grade: gradeAnswer, batchesPerCall: pool });
    best.set(pool, Math.min(best.get(pool) ?? Infinity, (performance.now() - t) / 1000));
  }
}
load.push(loadavg()[0]);
const fastest = Math.min(...best.values());
report({
  name: 'verify-pool',
  command: `npx tsx bench/verifyPool.ts --problems ${values.problems} --batch ${batchRows} --repeats ${values.repeats} --pools ${values.pools}`,
  machine: machineDescription(),
  date: new Date().toISOString(),
  rows: pools.map((pool) => ({ 'batches per call': pool, 'rows per call': pool * batchRows, seconds: best.get(pool)!.toFixed(2), 'cells/s': (cells / best.get(pool)!).toFixed(1), 'vs fastest': (best.get(pool)! / fastest).toFixed(2) })),
  notes: [`verified sweep, ${base.configs.length} configurations x ${base.problems.length} problems of seed 13; fastest of ${values.repeats} alternating runs each; load average ${load.map((l) => l.toFixed(2)).join(' -> ')}`],
});
