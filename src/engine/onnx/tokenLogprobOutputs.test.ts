/**
 * token_logprobs on real inference: the graph's gathered log-probs equal a
 * log-softmax of the fetched logits, in a left-padded batch with per-row
 * head masks, on the bundled model (float32 logits) and on an fp16
 * stand-in (float16 logits, cast in the graph); generation, which feeds no
 * positions, still runs.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, padPrompts } from '../model/generate';
import type { LoadedModel } from '../model/loadModel';
import { reducedShape, STANDIN_SHAPES } from '../standin/shapes';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../../node/loadNodeModel';
import { writeStandin } from '../../node/standin/writeStandin';
import { headMaskTransform } from './addHeadMask';
import { readModelLayout } from './modelLayout';
import { addTokenLogprobOutput, SCORE_POSITIONS, TOKEN_LOGPROBS, tokenLogprobHeadroom } from './tokenLogprobOutputs';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'headlab-logprobs-'));
  writeStandin(dir, reducedShape(STANDIN_SHAPES['smollm2-135m'], { layers: 2, vocab: 1024 }), 'fp16', 5);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** [batch, K] log-softmax of the fetched all-position logits at `positions`, taken at each next token. */
async function fromLogits(m: LoadedModel, rows: number[][], positions: number[], headMask: Float32Array): Promise<Float32Array> {
  const { ids, mask, pos } = padPrompts(rows, 0n);
  const batch = rows.length;
  const width = ids.length / batch;
  const { logits } = await m.decoder.step({ inputIds: ids, attentionMask: mask, positionIds: pos, batch, past: m.decoder.emptyPast(batch), headMask, allLogits: true, noCache: true });
  const vocab = logits!.length / (batch * width);
  const out = new Float32Array(batch * positions.length);
  positions.forEach((p, k) => {
    for (let b = 0; b < batch; b++) {
      const row = logits!.subarray((b * width + p) * vocab, (b * width + p + 1) * vocab);
      const max = Math.max(...row);
      const logSum = Math.log(row.reduce((s, x) => s + Math.exp(x - max), 0));
      out[b * positions.length + k] = row[Number(ids[b * width + p + 1])] - max - logSum;
    }
  });
  return out;
}

async function compare(m: LoadedModel, tolerance: number): Promise<void> {
  expect(m.decoder.hasTokenLogprobs).toBe(true);
  const rows = ['Mia has 5 apples and buys 3 more.', 'Tom has 12 pears.'].map((q) => Array.from(m.tokenizer.encode(q) as number[]));
  const { ids, mask, pos } = padPrompts(rows, 0n);
  const width = ids.length / 2;
  const positions = [width - 5, width - 4, width - 3, width - 2];
  const { numLayers, numHeads } = m.spec;
  const headMask = new Float32Array(2 * numLayers * numHeads).fill(1);
  headMask[numLayers * numHeads + 1] = 0;
  const inGraph = await m.decoder.tokenLogprobs({
    inputIds: ids, attentionMask: mask, positionIds: pos, batch: 2, past: m.decoder.emptyPast(2), headMask, scorePositions: BigInt64Array.from(positions, BigInt),
  });
  const expected = await fromLogits(m, rows, positions, headMask);
  expect(inGraph).toHaveLength(8);
  inGraph.forEach((v, i) => {
    expect(v).toBeLessThan(0);
    expect(Math.abs(v - expected[i])).toBeLessThan(tolerance);
  });
  // Generation feeds no positions: the added nodes run on empty tensors.
  const [tokens] = await generate(m.decoder, [rows[0]], { maxNewTokens: 4 });
  expect(tokens.length).toBeGreaterThan(0);
}

describe('token_logprobs', () => {
  it('adds its input and output in place, within the headroom', () => {
    const model = new Uint8Array(readFileSync(join(BUNDLED_MODEL_DIR, 'onnx/model.onnx')));
    const buffer = new Uint8Array(model.length + tokenLogprobHeadroom());
    buffer.set(model);
    const out = addTokenLogprobOutput(buffer, model.length);
    expect(out.buffer).toBe(buffer.buffer);
    expect(out.length).toBeGreaterThan(model.length);
    const layout = readModelLayout(out);
    expect(layout.inputs).toContain(SCORE_POSITIONS);
    expect(layout.outputs).toContain(TOKEN_LOGPROBS);
    // A second pass finds the names taken and leaves the model alone.
    expect(addTokenLogprobOutput(out, out.length).length).toBe(out.length);
  });

  it('equals a log-softmax of the fetched logits on the bundled model (float32 logits)', async () => {
    await compare(await loadNodeModel(BUNDLED_MODEL_DIR, { transform: headMaskTransform() }), 1e-4);
  });

  it('equals it on an fp16 stand-in too (float16 logits, cast in the graph)', async () => {
    await compare(await loadNodeModel(dir, { dtype: 'fp16', transform: headMaskTransform() }), 1e-3);
  });
});
