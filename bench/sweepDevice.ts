/**
 * Sweep throughput by CLI runtime: the batched sweep runner on the bundled
 * model with onnxruntime-node on the CPU (1 and 2 intra-op threads) and on
 * its WebGPU provider (Dawn over Vulkan). Rounds interleave the runtimes and
 * each keeps its fastest run; speed-ups are ratios within this one run.
 * Here WebGPU runs on SwiftShader, Chromium's software Vulkan driver: it
 * measures the path, not a GPU.
 * usage: VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json npx tsx bench/sweepDevice.ts [--problems 2] [--batch 64] [--repeats 2]
 */
import { parseArgs } from 'node:util';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../src/node/loadNodeModel';
import { nodeRuntimeFor, type NodeRuntimeOptions } from '../src/node/nodeRuntime';
import { headMaskTransform } from '../src/engine/onnx/addHeadMask';
import { gradeAnswer } from '../src/engine/grading/gradeAnswer';
import { runSweep } from '../src/engine/sweep/runSweep';
import type { SweepFile } from '../src/engine/sweep/sweepSchema';
import { benchSweepFile } from './benchSweepFile';
import { HELD_OUT_SEED } from '../src/engine/problems/splits';
import { machineDescription, report } from './benchTable';

const { values } = parseArgs({
  options: { problems: { type: 'string', default: '2' }, batch: { type: 'string', default: '64' }, repeats: { type: 'string', default: '2' } },
});
const count = Number(values.problems);
const batch = Number(values.batch);
const repeats = Number(values.repeats);

const runtimes: { label: string; options: NodeRuntimeOptions }[] = [
  { label: 'cpu, 1 thread', options: { device: 'cpu', threads: 1 } },
  { label: 'cpu, 2 threads', options: { device: 'cpu', threads: 2 } },
  { label: 'webgpu', options: { device: 'webgpu' } },
];
const models = [];
for (const r of runtimes) models.push(await loadNodeModel(BUNDLED_MODEL_DIR, { transform: headMaskTransform() }, nodeRuntimeFor(r.options)));
const { numLayers, numHeads } = models[0].spec;
const base = benchSweepFile({ fingerprint: models[0].fingerprint, mode: 'generate', seed: HELD_OUT_SEED, count, numLayers, numHeads });
const cells = base.configs.length * count;

for (const m of models) await runSweep(m, { ...base, configs: [[]] }, { batchRows: batch, grade: gradeAnswer }); // warm-up
const best: { seconds: number; file: SweepFile }[] = [];
for (let round = 0; round < repeats; round++) {
  for (const [i, m] of models.entries()) {
    const t = performance.now();
    const file = await runSweep(m, base, { batchRows: batch, grade: gradeAnswer });
    const seconds = (performance.now() - t) / 1000;
    if (!best[i] || seconds < best[i].seconds) best[i] = { seconds, file };
  }
}
const key = (f: SweepFile) => JSON.stringify(f.cells.map((c) => [c.config, c.problem, c.predicted]).sort());
report({
  name: 'sweep-device',
  command: `VK_ICD_FILENAMES=${process.env.VK_ICD_FILENAMES ?? ''} npx tsx bench/sweepDevice.ts --problems ${count} --batch ${batch} --repeats ${repeats}`,
  machine: machineDescription(),
  date: new Date().toISOString(),
  rows: runtimes.map((r, i) => ({
    runtime: r.label,
    cells,
    seconds: best[i].seconds.toFixed(2),
    'cells/s': (cells / best[i].seconds).toFixed(1),
    'vs cpu, 1 thread': (best[0].seconds / best[i].seconds).toFixed(3) + 'x',
  })),
  notes: [
    `${base.configs.length} configurations x ${count} problems, greedy, up to 64 new tokens, ${batch} rows per run; fastest of ${repeats} interleaved rounds`,
    `same answers on every runtime: ${best.every((b) => key(b.file) === key(best[0].file))}`,
    `webgpu adapter: ${process.env.VK_ICD_FILENAMES ? `the Vulkan driver in ${process.env.VK_ICD_FILENAMES}` : 'the system Vulkan driver'}`,
  ],
});
