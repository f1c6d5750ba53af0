/**
 * Where a draft-verified sweep's time goes, on the bundled model in Node:
 * the same sweep plain and verified, with the decoder's calls timed by kind
 * (prompt reads and one-token steps: drafts and rows decoding on; cut
 * reads: rows from their pruned layer up; the residual passes), on
 * onnxruntime-node or, with --runtime wasm, on onnxruntime-web's WASM
 * backend (the browser worker's arithmetic, in Node).
 * usage: npx tsx bench/verifiedProfile.ts [--problems 40] [--batch 32] [--runtime node|wasm]
 */
import { parseArgs } from 'node:util';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../src/node/loadNodeModel';
import { headMaskTransform } from '../src/engine/onnx/addHeadMask';
import { gradeAnswer } from '../src/engine/grading/gradeAnswer';
import { runSweep } from '../src/engine/sweep/runSweep';
import { GREEDY_DECODING } from '../src/engine/verify/greedyDecoding';
import { firstPrunedLayers } from '../src/engine/verify/verifyRead';
import { benchSweepFile } from './benchSweepFile';
import { machineDescription, report } from './benchTable';
import { wasmInNode } from './wasmInNode';

const { values } = parseArgs({ options: { problems: { type: 'string', default: '40' }, batch: { type: 'string', default: '32' }, runtime: { type: 'string', default: 'node' } } });
const wasm = values.runtime === 'wasm';
const model = await loadNodeModel(BUNDLED_MODEL_DIR, { transform: headMaskTransform() }, wasm ? wasmInNode : undefined);
const base = benchSweepFile({ fingerprint: model.fingerprint, mode: 'generate', seed: 13, count: Number(values.problems) });
const decoder = model.decoder;
const skip = decoder.layerSkip!;
const spent: Record<string, number> = {};
const calls: Record<string, number> = {};
/** Wraps obj[name] so its time adds to spent[label]. */
function time<T extends object>(obj: T, name: keyof T & string, label: string): void {
  const original = (obj[name] as (...a: unknown[]) => Promise<unknown>).bind(obj);
  (obj as Record<string, unknown>)[name] = async (...args: unknown[]) => {
    const t = performance.now();
    try {
      return await original(...args);
    } finally {
      spent[label] = (spent[label] ?? 0) + performance.now() - t;
      calls[label] = (calls[label] ?? 0) + 1;
    }
  };
}
// Decode steps split by width: prompt reads (the drafts', and rows reading their prompts again) and one-token steps.
const step = decoder.step.bind(decoder);
decoder.step = async (input) => {
  const t = performance.now();
  try {
    return await step(input);
  } finally {
    const label = input.inputIds.length > input.batch ? 'prompt reads (drafts; rows without a cache reading theirs again)' : 'one-token steps (drafts, rows decoding on)';
    spent[label] = (spent[label] ?? 0) + performance.now() - t;
    calls[label] = (calls[label] ?? 0) + 1;
  }
};
time(decoder, 'greedyRead', 'full reads (rows read from the embedding up)');
time(skip, 'readFrom', 'cut reads (rows from their pruned layer up)');
time(skip, 'residuals', 'residual passes (the drafts\' streams, attention outputs and cache)');
// Which rows leave their draft, by the layer of their pruned head: counted from each call's stats.
const rowsByLayer: number[] = [];
const leftByLayer: number[] = [];
let fromCache = 0;
let continued = 0;
const verified = GREEDY_DECODING.verified.run;
GREEDY_DECODING.verified.run = (decoder, prompts, options) => {
  const layers = firstPrunedLayers(options.headMask, prompts.length, model.spec.numLayers, model.spec.numHeads);
  return verified(decoder, prompts, {
    ...options,
    onStats: (stats) => {
      layers.forEach((l) => l < model.spec.numLayers && (rowsByLayer[l] = (rowsByLayer[l] ?? 0) + 1));
      for (const d of stats.divergences) leftByLayer[layers[d.row]] = (leftByLayer[layers[d.row]] ?? 0) + 1;
      fromCache += stats.fromCache;
      continued += stats.continued;
    },
  });
};
const batchRows = Number(values.batch);
await runSweep(model, { ...base, problems: base.problems.slice(0, 1) }, { batchRows, grade: gradeAnswer }); // warm-up, opens the layer sessions
const totals: Record<string, number> = {};
// Each way's time by kind of call: the plain sweep's too, so the two can be set side by side.
const parts: Record<string, Record<string, [number, number]>> = {};
for (const decode of ['plain', 'verified'] as const) {
  for (const k of Object.keys(spent)) [spent[k], calls[k]] = [0, 0];
  const t = performance.now();
  await runSweep(model, base, { batchRows, grade: gradeAnswer, decode });
  totals[decode] = (performance.now() - t) / 1000;
  parts[decode] = Object.fromEntries(Object.keys(spent).filter((k) => calls[k] > 0).map((k) => [k, [spent[k] / 1000, calls[k]]]));
  if (decode === 'plain') rowsByLayer.length = leftByLayer.length = fromCache = continued = 0;
}
const partRows = (decode: 'plain' | 'verified') => {
  const listed = Object.entries(parts[decode]).map(([k, [seconds, n]]) => ({ part: `  ${k}`, seconds: seconds.toFixed(2), calls: String(n) }));
  const accounted = Object.values(parts[decode]).reduce((a, [seconds]) => a + seconds, 0);
  return [{ part: `${decode} sweep, total`, seconds: totals[decode].toFixed(2), calls: '' }, ...listed, { part: '  the rest (JS: padding, copies, grading)', seconds: (totals[decode] - accounted).toFixed(2), calls: '' }];
};
const share = (left: number, rows: number) => `${((100 * left) / rows).toFixed(1)}%`;
const sum = (xs: number[]) => xs.reduce((a, b) => a + (b ?? 0), 0);
report({
  name: wasm ? 'verified-profile-wasm' : 'verified-profile',
  command: `npx tsx bench/verifiedProfile.ts --problems ${values.problems} --batch ${batchRows} --runtime ${values.runtime}`,
  machine: `${machineDescription()}, ${wasm ? "onnxruntime-web's WASM backend in Node, one thread" : 'onnxruntime-node CPU, one thread'}`,
  date: new Date().toISOString(),
  rows: [...partRows('plain'), ...partRows('verified')],
  notes: [
    `49 configurations x ${values.problems} problems of seed 13, ${batchRows} rows per batch`,
    `rows that decoded on after leaving their draft: ${continued}, ${fromCache} of them from the verification pass's cache`,
    `pruned rows that left their draft: ${share(sum(leftByLayer), sum(rowsByLayer))} (${sum(leftByLayer)} of ${sum(rowsByLayer)}); by the pruned head's layer: ${rowsByLayer.map((n, l) => `${l}: ${share(leftByLayer[l] ?? 0, n)}`).join(', ')}`,
  ],
});
