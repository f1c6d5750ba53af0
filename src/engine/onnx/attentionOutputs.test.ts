/**
 * The attention outputs surgery on the tiny test decoders: a decomposed
 * (Llama-style) graph gains softmax rows, after the head-mask surgery too;
 * a GroupQueryAttention graph is refused with the exact sentence the UI and
 * the CLI show.
 */
import { describe, expect, it } from 'vitest';
import { addAttentionOutputs, attentionProbsName, PATTERNS_UNAVAILABLE, withAttentionOutputs } from './attentionOutputs';
import { headMaskTransform } from './addHeadMask';
import { buildTinyDecoder, TINY, tinyWeights } from './testing/buildTinyDecoder';
import * as ort from 'onnxruntime-node';
import { floatsOf, openSession, runRows } from './testing/ortRun';

const GRID = { numLayers: TINY.numLayers, numHeads: TINY.numHeads, headDim: TINY.headDim };
const ROW = [1, 2, 3, 4, 5, 6];

describe('addAttentionOutputs', () => {
  it('exposes [batch, heads, seq, seq] softmax rows of a decomposed graph, with head_mask added after', async () => {
    const model = buildTinyDecoder({ style: 'llama' }, tinyWeights(3, 'llama'));
    const transform = withAttentionOutputs(headMaskTransform());
    const room = new Uint8Array(model.length + transform.headroom(GRID));
    room.set(model);
    const bytes = transform.apply(room, model.length, GRID);
    const session = await openSession(bytes);
    expect(session.inputNames).toContain('head_mask');
    const ones = [Array.from({ length: GRID.numLayers }, () => new Array(GRID.numHeads).fill(1))];
    const out = await runRows(session, [ROW], { mask: ones });
    for (let l = 0; l < GRID.numLayers; l++) {
      const probs = out[attentionProbsName(l)];
      expect(probs.length).toBe(GRID.numHeads * ROW.length * ROW.length);
      for (let r = 0; r < GRID.numHeads * ROW.length; r++) {
        const sum = probs.subarray(r * ROW.length, (r + 1) * ROW.length).reduce((a, v) => a + v, 0);
        expect(Math.abs(sum - 1)).toBeLessThan(1e-5);
      }
    }
  });

  it('exposes them in float16 from a float16 graph, rows summing to 1 within fp16 rounding', async () => {
    const model = buildTinyDecoder({ style: 'llama', float16: true }, tinyWeights(3, 'llama'));
    const bytes = addAttentionOutputs(model, model.length, GRID.numLayers);
    const session = await openSession(bytes);
    const out = await session.run({ input_ids: new ort.Tensor('int64', BigInt64Array.from(ROW, BigInt), [1, ROW.length]) }, [attentionProbsName(0)]);
    const probs = out[attentionProbsName(0)];
    expect(probs.type).toBe('float16');
    const values = floatsOf(probs);
    for (let r = 0; r < GRID.numHeads * ROW.length; r++) {
      const sum = values.subarray(r * ROW.length, (r + 1) * ROW.length).reduce((a, v) => a + v, 0);
      expect(Math.abs(sum - 1)).toBeLessThan(1e-2);
    }
  });

  it.each([{ nbits: false }, { nbits: true }])('refuses fused GroupQueryAttention (nbits $nbits) with the sentence the UI and CLI show', ({ nbits }) => {
    const model = buildTinyDecoder({ style: 'gqa', nbits }, tinyWeights(3, 'gqa'));
    const before = model.slice();
    expect(() => addAttentionOutputs(model, model.length, GRID.numLayers)).toThrow(PATTERNS_UNAVAILABLE);
    expect(() => addAttentionOutputs(model, model.length, GRID.numLayers)).toThrow(/layer 0 runs GroupQueryAttention/);
    expect(model).toEqual(before);
  });
});
