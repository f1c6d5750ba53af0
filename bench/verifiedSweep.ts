/**
 * Draft-verified sweeps against plain ones, on the bundled model in Node
 * (onnxruntime-node, CPU): the same generate-mode sweep (baseline + every
 * single head over a synthetic set) run by runSweep with `decode: 'plain'`
 * and with `decode: 'verified'`, in alternating rounds in one process.
 * The ratio is of the fastest run each (other work only ever slows a run).
 * Every cell of the two is compared; for each that differs, the logit
 * margin at the first differing step is measured by a teacher-forced read
 * of the plain answer under the cell's mask.
 * usage: npx tsx bench/verifiedSweep.ts [--problems 100] [--seed 13] [--batch 32] [--repeats 2] [--model headlab-math-6x8]
 */
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { loadNodeModel } from '../src/node/loadNodeModel';
import { headMaskTransform } from '../src/engine/onnx/addHeadMask';
import { gradeAnswer } from '../src/engine/grading/gradeAnswer';
import { runSweep } from '../src/engine/sweep/runSweep';
import type { SweepFile } from '../src/engine/sweep/sweepSchema';
import type { DecodeMode } from '../src/engine/verify/greedyDecoding';
import { benchSweepFile } from './benchSweepFile';
import { machineDescription, report } from './benchTable';
import { cellDifferences } from './cellDifferences';

const { values } = parseArgs({
  options: {
    problems: { type: 'string', default: '100' }, seed: { type: 'string', default: '13' }, batch: { type: 'string', default: '32' },
    repeats: { type: 'string', default: '2' }, model: { type: 'string', default: 'headlab-math-6x8' },
  },
});
const count = Number(values.problems);
const batchRows = Number(values.batch);
const repeats = Number(values.repeats);
const model = await loadNodeModel(`public/models/${values.model}`, { transform: headMaskTransform() });
const { numLayers, numHeads } = model.spec;
const base = benchSweepFile({ fingerprint: model.fingerprint, mode: 'generate', seed: Number(values.seed), count, numLayers, numHeads });
const cells = base.configs.length * count;

interface Run { seconds: number; cpuSeconds: number; file: SweepFile }
async function timed(decode: DecodeMode): Promise<Run> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const file = await runSweep(model, base, { batchRows, grade: gradeAnswer, decode });
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - t) / 1000, cpuSeconds: (used.user + used.system) / 1e6, file };
}

await runSweep(model, { ...base, problems: base.problems.slice(0, 1) }, { batchRows, grade: gradeAnswer }); // warm-up
const load = [loadavg()[0]];
const best: Partial<Record<DecodeMode, Run>> = {};
for (let r = 0; r < repeats; r++) {
  for (const decode of ['plain', 'verified'] as const) {
    const run = await timed(decode);
    if (!best[decode] || run.seconds < best[decode]!.seconds) best[decode] = run;
  }
}
load.push(loadavg()[0]);
const plain = best.plain!;
const verified = best.verified!;
const differences = await cellDifferences(model, plain.file, verified.file);
const ratio = plain.seconds / verified.seconds;
const row = (how: string, t: Run) => ({
  how, cells, seconds: t.seconds.toFixed(2), 'cpu s': t.cpuSeconds.toFixed(2), 'cells/s': (cells / t.seconds).toFixed(1), 'vs plain': (plain.seconds / t.seconds).toFixed(2) + 'x',
});
report({
  name: `verified-sweep-${values.model}-${count}`,
  command: `npx tsx bench/verifiedSweep.ts --problems ${count} --seed ${values.seed} --batch ${batchRows} --repeats ${repeats} --model ${values.model}`,
  machine: machineDescription(),
  date: new Date().toISOString(),
  rows: [row('plain (decode every cell)', plain), row('verified (draft + one pass)', verified)],
  notes: [
    `${base.configs.length} configurations x ${count} problems of seed ${values.seed}, greedy, up to ${base.maxNewTokens} new tokens, ${batchRows} rows per batch; fastest of ${repeats} alternating runs each`,
    `speed-up ${ratio.toFixed(2)}x; load average ${load.map((l) => l.toFixed(2)).join(' -> ')} over the runs`,
    `cells that differ from the plain path (predicted, correct or tokens): ${differences.length} of ${cells}`,
    ...differences.map((d) => `differs: config ${d.config} problem ${d.problem}: plain ${JSON.stringify(d.plain)} / verified ${JSON.stringify(d.verified)}; first differing token ${d.at}, margin there ${d.margin.toFixed(4)}`),
  ],
  details: { differences },
});
