/**
 * The LM-head cut at prompt reading, on a real-size stand-in in Node
 * (onnxruntime-node CPU): the same batch of prompts read with
 * num_logits_to_keep 0 (the LM head on every position, as the exported graph
 * runs, all logits fetched) and 1 (the last position only, as generation
 * now reads a prompt; engine/onnx/logitsToKeep), alternating in one session;
 * also the bytes of logits each copies out of the runtime. Random weights make every pruned row leave its draft,
 * so a sweep ratio would say nothing here: this is the reading cost alone.
 * usage: npx tsx bench/logitsCut.ts [--model .cache/standins/smollm2-135m] [--rows 32] [--prompt 100] [--rounds 3]
 */
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { loadNodeModel } from '../src/node/loadNodeModel';
import { headMaskTransform } from '../src/engine/onnx/addHeadMask';
import { padPrompts } from '../src/engine/model/generate';
import type { LoadedModel } from '../src/engine/model/loadModel';
import { machineDescription, report } from './benchTable';

const { values } = parseArgs({ options: { model: { type: 'string', default: '.cache/standins/smollm2-135m' }, rows: { type: 'string', default: '32' }, prompt: { type: 'string', default: '100' }, rounds: { type: 'string', default: '3' } } });
const rows = Number(values.rows);
const length = Number(values.prompt);
const rounds = Number(values.rounds);
const model = await loadNodeModel(values.model!, { transform: headMaskTransform() });
const { spec, decoder } = model;
// Seeded token ids in the vocabulary: the weights are random, so any text reads alike.
const prompts = Array.from({ length: rows }, (_, r) => Array.from({ length }, (_, j) => 1 + ((r * 7919 + j * 104729) % (spec.vocabSize - 1))));
const { ids, mask, pos } = padPrompts(prompts, BigInt(spec.padTokenId));

/** Seconds for one prompt read: the LM head on `keep` positions (0: every one), logits fetched. */
async function read(m: LoadedModel, keep: number): Promise<number> {
  const t = performance.now();
  await m.decoder.step({ inputIds: ids, attentionMask: mask, positionIds: pos, batch: rows, past: m.decoder.emptyPast(rows), noCache: true, logitsToKeep: keep, allLogits: keep === 0 });
  return (performance.now() - t) / 1000;
}

await read(model, 1);
const load = [loadavg()[0]];
const times: Record<'every' | 'last', number[]> = { every: [], last: [] };
for (let r = 0; r < rounds; r++) {
  times.every.push(await read(model, 0));
  times.last.push(await read(model, 1));
}
load.push(loadavg()[0]);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bytes = (positions: number) => `${((rows * positions * spec.vocabSize * 4) / 2 ** 20).toFixed(0)} MB`;
report({
  name: 'logits-cut',
  command: `npx tsx bench/logitsCut.ts --model ${values.model} --rows ${rows} --prompt ${length} --rounds ${rounds}`,
  machine: machineDescription(),
  date: new Date().toISOString(),
  rows: [
    { 'LM head on': `every position (${length})`, 'logits copied out': bytes(length), 'seconds (median)': median(times.every).toFixed(2) },
    { 'LM head on': 'the last position', 'logits copied out': bytes(1), 'seconds (median)': median(times.last).toFixed(2) },
  ],
  notes: [
    `${rows} rows x ${length}-token prompts, vocabulary ${spec.vocabSize}, ${spec.numLayers} layers, hidden ${spec.hiddenSize}; median of ${rounds} alternating reads each; the cut session reads ${(median(times.every) / median(times.last)).toFixed(2)}x faster`,
    `decoder.hasLogitsToKeep: ${decoder.hasLogitsToKeep}; load average ${load.map((l) => l.toFixed(2)).join(' -> ')}`,
  ],
});
