/**
 * Sweep throughput on the bundled model, CPU (onnxruntime-node): every
 * single-head pruning plus the baseline over a synthetic problem set, in
 * generate mode, three ways:
 *   - batched rows, each with its own head mask (the sweep runner);
 *   - one configuration per run (rows = that configuration's problems, one shared mask);
 *   - one (configuration, problem) per run (batch 1).
 * usage: npx tsx bench/sweep.ts [--problems 8] [--batch 32]
 */
import { parseArgs } from 'node:util';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../src/node/loadNodeModel';
import { headMaskTransform } from '../src/engine/onnx/addHeadMask';
import { gradeAnswer } from '../src/engine/grading/gradeAnswer';
import { runSweep } from '../src/engine/sweep/runSweep';
import { singleHeadConfigs, SWEEP_SCHEMA, SWEEP_VERSION, type SweepFile } from '../src/engine/sweep/sweepSchema';
import { syntheticProblems } from '../src/engine/problems/synthetic';
import { problemFromSynthetic } from '../src/engine/problems/problem';
import { HELD_OUT_SEED } from '../src/engine/problems/splits';
import { machineDescription, report } from './benchTable';

const { values } = parseArgs({ options: { problems: { type: 'string', default: '8' }, batch: { type: 'string', default: '32' } } });
const count = Number(values.problems);
const batch = Number(values.batch);

const model = await loadNodeModel(BUNDLED_MODEL_DIR, { transform: headMaskTransform() });
const { numLayers, numHeads } = model.spec;
const base: SweepFile = {
  schema: SWEEP_SCHEMA, version: SWEEP_VERSION, mode: 'generate', maxNewTokens: 64,
  model: { name: 'headlab-math-6x8', fingerprint: model.fingerprint, numLayers, numHeads },
  problems: syntheticProblems({ seed: HELD_OUT_SEED, count }).map(problemFromSynthetic),
  configs: singleHeadConfigs(numLayers, numHeads),
  cells: [],
};
const cells = base.configs.length * count;

async function timed(batchRows: number, order: 'mixed' | 'per-config'): Promise<{ seconds: number; file: SweepFile }> {
  const t = performance.now();
  let file = base;
  if (order === 'mixed') file = await runSweep(model, base, { batchRows, grade: gradeAnswer });
  else {
    // One configuration at a time: each run's rows share a single mask.
    for (let c = 0; c < base.configs.length; c++) {
      const one = await runSweep(model, { ...base, configs: [base.configs[c]] }, { batchRows, grade: gradeAnswer });
      file = { ...file, cells: [...file.cells, ...one.cells.map((cell) => ({ ...cell, config: c }))] };
    }
  }
  return { seconds: (performance.now() - t) / 1000, file };
}

await runSweep(model, { ...base, configs: [[]] }, { batchRows: batch, grade: gradeAnswer }); // warm-up
const batched = await timed(batch, 'mixed');
const perConfig = await timed(count, 'per-config');
const single = await timed(1, 'mixed');
const key = (f: SweepFile) => JSON.stringify(f.cells.map((c) => [c.config, c.problem, c.predicted]).sort());
const agree = key(batched.file) === key(single.file) && key(perConfig.file) === key(single.file);

const row = (how: string, rows: number, s: number) => ({
  how, 'rows per run': rows, cells, seconds: s.toFixed(2), 'cells/s': (cells / s).toFixed(1), speedup: (single.seconds / s).toFixed(2) + 'x',
});
report({
  name: 'sweep',
  command: `npx tsx bench/sweep.ts --problems ${count} --batch ${batch}`,
  machine: machineDescription(),
  date: new Date().toISOString(),
  rows: [
    row('batched, per-row masks', batch, batched.seconds),
    row('one configuration per run', count, perConfig.seconds),
    row('one cell per run', 1, single.seconds),
  ],
  notes: [
    `${base.configs.length} configurations (baseline + ${numLayers * numHeads} heads) x ${count} problems, greedy, up to 64 new tokens`,
    `all three give the same answers: ${agree}`,
    `batched vs one configuration per run: ${(perConfig.seconds / batched.seconds).toFixed(2)}x; target >= 5x vs one mask per run`,
  ],
});
