/**
 * The head-mask surgery on the bundled model (6 layers x 8 heads, standard
 * KV-cache I/O) under onnxruntime-node. Compares the surgered model with the
 * untouched one and with copies whose o_proj weights are edited, so it holds
 * for any retrained model of the same architecture: no outputs are pinned.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR } from '../../node/loadNodeModel';
import { parseDecoderSpec, type DecoderSpec } from '../model/modelConfig';
import { addHeadMask } from './addHeadMask';
import { readModelLayout } from './modelLayout';
import { findInitializer, initializerFloats } from './testing/initializerData';
import { maxAbsDiff, openSession, runRows } from './testing/ortRun';

let spec: DecoderSpec;
let original: Uint8Array;
let masked: Uint8Array;
let maskedSession: ort.InferenceSession;

const ROWS = [[1, 40, 41, 42, 43, 44], [1, 50, 60, 70, 80, 90], [1, 100, 7, 200, 9, 300]];

/** input_ids with an all-ones attention mask, positions from 0 and an empty cache. */
function extraFeeds(batch: number, seq: number): Record<string, ort.Tensor> {
  const feeds: Record<string, ort.Tensor> = {
    attention_mask: new ort.Tensor('int64', new BigInt64Array(batch * seq).fill(1n), [batch, seq]),
    position_ids: new ort.Tensor('int64', BigInt64Array.from({ length: batch * seq }, (_, i) => BigInt(i % seq)), [batch, seq]),
  };
  for (let i = 0; i < spec.numLayers; i++) {
    for (const kv of ['key', 'value']) {
      feeds[`past_key_values.${i}.${kv}`] = new ort.Tensor('float32', new Float32Array(0), [batch, spec.numKvHeads, 0, spec.headDim]);
    }
  }
  return feeds;
}

function run(session: ort.InferenceSession, rows: number[][], mask?: number[][][]) {
  return runRows(session, rows, { mask, extra: extraFeeds(rows.length, rows[0].length) });
}

function mask(...prunedHeads: [number, number][]): number[][] {
  const m = Array.from({ length: spec.numLayers }, () => new Array(spec.numHeads).fill(1));
  for (const [l, h] of prunedHeads) m[l][h] = 0;
  return m;
}

/** The weight initializer of a node found by name in the untouched model. */
function weightOf(nodeName: string): string {
  const node = readModelLayout(original).nodes.find((n) => n.name === nodeName);
  if (!node) throw new Error(`the bundled model has no node ${nodeName}`);
  return node.inputs[1];
}

/** A copy of the model with the o_proj input rows of the given heads set to zero (MatMul weights are [in, out]). */
function withZeroedHeads(prunedHeads: [number, number][]): Uint8Array {
  const copy = original.slice();
  for (const [layer, head] of prunedHeads) {
    const w = findInitializer(copy, weightOf(`/model/layers.${layer}/self_attn/o_proj/MatMul`));
    expect(w.dims).toEqual([spec.numHeads * spec.headDim, spec.hiddenSize]);
    const rowBytes = w.dims[1] * 4;
    copy.fill(0, w.offset + head * spec.headDim * rowBytes, w.offset + (head + 1) * spec.headDim * rowBytes);
  }
  return copy;
}

beforeAll(async () => {
  spec = parseDecoderSpec(readFileSync(join(BUNDLED_MODEL_DIR, 'config.json'), 'utf8'));
  original = new Uint8Array(readFileSync(join(BUNDLED_MODEL_DIR, 'onnx/model.onnx')));
  masked = addHeadMask(original, spec, { hiddenStateOutput: true });
  maskedSession = await openSession(masked);
});

describe('addHeadMask on the bundled model', () => {
  it('adds head_mask and last_hidden_state and keeps the decoder I/O', () => {
    expect(maskedSession.inputNames).toEqual([...readModelLayout(original).inputs, 'head_mask']);
    expect(maskedSession.outputNames).toEqual([...readModelLayout(original).outputs, 'last_hidden_state']);
  });

  it('an all-ones mask reproduces the original logits', async () => {
    const want = await run(await openSession(original), ROWS);
    const got = await run(maskedSession, ROWS, ROWS.map(() => mask()));
    expect(maxAbsDiff(got.logits, want.logits)).toBeLessThanOrEqual(1e-6);
    expect(maxAbsDiff(got['present.5.value'], want['present.5.value'])).toBeLessThanOrEqual(1e-6);
  });

  it("pruning heads equals zeroing their rows of that layer's o_proj weight", async () => {
    const heads: [number, number][] = [[2, 5], [4, 0], [4, 7]];
    const want = await run(await openSession(withZeroedHeads(heads)), ROWS);
    const got = await run(maskedSession, ROWS, ROWS.map(() => mask(...heads)));
    expect(maxAbsDiff(got.logits, want.logits)).toBeLessThanOrEqual(1e-4);
    const unpruned = await run(maskedSession, ROWS, ROWS.map(() => mask()));
    expect(maxAbsDiff(got.logits, unpruned.logits)).toBeGreaterThan(1e-2);
  });

  it('rows of one batch with different masks each match the row run alone', async () => {
    const masks = [mask(), mask([0, 0], [5, 3]), mask([1, 1], [1, 2], [3, 6])];
    const batched = await run(maskedSession, ROWS, masks);
    const rowSize = ROWS[0].length * spec.vocabSize;
    for (let i = 0; i < ROWS.length; i++) {
      const alone = await run(maskedSession, [ROWS[i]], [masks[i]]);
      expect(maxAbsDiff(batched.logits.subarray(i * rowSize, (i + 1) * rowSize), alone.logits)).toBeLessThanOrEqual(1e-5);
    }
  });

  it('masks decode steps that run on a KV cache: prefix then one token equals the whole row', async () => {
    const row = ROWS[1];
    const m = [mask([0, 4], [2, 2], [5, 7])];
    const whole = await run(maskedSession, [row], m);
    const prefix = await maskedSession.run({
      ...extraFeeds(1, row.length - 1),
      input_ids: new ort.Tensor('int64', BigInt64Array.from(row.slice(0, -1), BigInt), [1, row.length - 1]),
      head_mask: new ort.Tensor('float32', Float32Array.from(m.flat(2)), [1, spec.numLayers, spec.numHeads]),
    });
    const step: Record<string, ort.Tensor> = {
      input_ids: new ort.Tensor('int64', BigInt64Array.of(BigInt(row.at(-1) as number)), [1, 1]),
      attention_mask: new ort.Tensor('int64', new BigInt64Array(row.length).fill(1n), [1, row.length]),
      position_ids: new ort.Tensor('int64', BigInt64Array.of(BigInt(row.length - 1)), [1, 1]),
      head_mask: new ort.Tensor('float32', Float32Array.from(m.flat(2)), [1, spec.numLayers, spec.numHeads]),
    };
    for (let i = 0; i < spec.numLayers; i++) {
      step[`past_key_values.${i}.key`] = prefix[`present.${i}.key`];
      step[`past_key_values.${i}.value`] = prefix[`present.${i}.value`];
    }
    const last = (await maskedSession.run(step)).logits.data as Float32Array;
    expect(maxAbsDiff(last, whole.logits.subarray((row.length - 1) * spec.vocabSize))).toBeLessThanOrEqual(1e-4);
  });

  it('last_hidden_state is the lm_head MatMul input: hidden @ W_lm gives the logits', async () => {
    const got = await run(maskedSession, ROWS, ROWS.map(() => mask([3, 3])));
    const lm = initializerFloats(original, weightOf('/lm_head/MatMul'));
    const { hiddenSize: h, vocabSize: vocab } = spec;
    expect(lm.length).toBe(h * vocab);
    let worst = 0;
    for (let t = 0; t < got.logits.length / vocab; t++) {
      for (let v = 0; v < vocab; v++) {
        let sum = 0;
        for (let k = 0; k < h; k++) sum += got.last_hidden_state[t * h + k] * lm[k * vocab + v];
        worst = Math.max(worst, Math.abs(sum - got.logits[t * vocab + v]));
      }
    }
    expect(worst).toBeLessThanOrEqual(1e-4);
  });
});
