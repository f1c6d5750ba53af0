/**
 * The head-mask surgery on tiny seeded decoders in the shapes real exports
 * take (optimum/Llama, GPT-2 Gemm and MatMul+Add, GroupQueryAttention with
 * MatMul or 4-bit MatMulNBits, fp16), checked against onnxruntime-node.
 */
import { describe, expect, it } from 'vitest';
import { addHeadMask, type HeadGrid } from './addHeadMask';
import { GRAPH_INITIALIZER, readModelLayout } from './modelLayout';
import * as ort from 'onnxruntime-node';
import { buildTinyDecoder, EXTERNAL_DATA_FILE, TINY, tinyWeights, type TinyDecoderOptions, type TinyWeights } from './testing/buildTinyDecoder';
import { maxAbsDiff, openSession, runRows } from './testing/ortRun';

const GRID: HeadGrid = { numLayers: TINY.numLayers, numHeads: TINY.numHeads, headDim: TINY.headDim };
const ROWS = [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [11, 12, 13, 14, 15]];
const ones = (): number[][] => Array.from({ length: GRID.numLayers }, () => new Array(GRID.numHeads).fill(1));

/** A mask with the listed [layer, head] pairs pruned. */
function pruned(...heads: [number, number][]): number[][] {
  const m = ones();
  for (const [l, h] of heads) m[l][h] = 0;
  return m;
}

/** The same weights with o_proj input rows of the pruned heads zeroed: what pruning means. */
function zeroedHeads(w: TinyWeights, mask: number[][]): TinyWeights {
  const layers = w.layers.map((lw, l) => {
    const wo = lw.wo.slice();
    mask[l].forEach((keep, h) => {
      if (!keep) wo.fill(0, h * TINY.headDim * TINY.hidden, (h + 1) * TINY.headDim * TINY.hidden);
    });
    return { ...lw, wo };
  });
  return { ...w, layers };
}

/** Rows [start, start + n) of a [batch, seq, width] result. */
function rows(data: Float32Array, start: number, n: number, rowSize: number): Float32Array {
  return data.subarray(start * rowSize, (start + n) * rowSize);
}

/**
 * tol bounds pruning vs zeroed weights. onesTol bounds an all-ones mask vs
 * the original: exact but for fp16 GQA+MatMul, where onnxruntime's CPU
 * cast insertion (fp16 ops without CPU kernels run in float32, and
 * back-to-back casts are dropped) keeps the embedding's fp16 rounding in one
 * graph and not the other: a difference of one fp16 step in the logits.
 */
const CASES: { label: string; opts: TinyDecoderOptions; tol: number; onesTol?: number }[] = [
  { label: 'optimum/Llama (Softmax→MatMul→Transpose→Reshape→o_proj MatMul)', opts: { style: 'llama' }, tol: 1e-4 },
  { label: 'Llama with anonymous node names (layers by graph order)', opts: { style: 'llama', anonymous: true }, tol: 1e-4 },
  { label: 'Llama in float16 (Cast after the embedding)', opts: { style: 'llama', float16: true }, tol: 2e-2 },
  { label: 'GPT-2 with attn/c_proj as Gemm on 2-D input', opts: { style: 'gpt2-gemm' }, tol: 1e-4 },
  { label: 'GPT-2 with attn/c_proj as MatMul+Add', opts: { style: 'gpt2-matmul-add' }, tol: 1e-4 },
  { label: 'com.microsoft GroupQueryAttention, o_proj MatMul', opts: { style: 'gqa' }, tol: 1e-4 },
  { label: 'GroupQueryAttention, o_proj 4-bit MatMulNBits', opts: { style: 'gqa', nbits: true }, tol: 1e-4 },
  { label: 'GroupQueryAttention in float16, o_proj MatMul', opts: { style: 'gqa', float16: true }, tol: 2e-2, onesTol: 5e-3 },
  { label: 'GroupQueryAttention + MatMulNBits in float16', opts: { style: 'gqa', nbits: true, float16: true }, tol: 2e-2 },
];

describe.each(CASES)('addHeadMask on $label', ({ opts, tol, onesTol = 1e-6 }) => {
  const weights = tinyWeights(7, opts.style);
  const original = buildTinyDecoder(opts, weights);
  const masked = addHeadMask(original, GRID, { hiddenStateOutput: true });

  it('an all-ones mask reproduces the original logits', async () => {
    const [before, after] = await Promise.all([openSession(original), openSession(masked)]);
    const want = await runRows(before, ROWS);
    const got = await runRows(after, ROWS, { mask: ROWS.map(ones) });
    expect(maxAbsDiff(got.logits, want.logits)).toBeLessThanOrEqual(onesTol);
  });

  it("pruning heads equals zeroing their rows of that layer's o_proj weight", async () => {
    const mask = pruned([0, 1], [1, 2], [1, 3]);
    const reference = await openSession(buildTinyDecoder(opts, zeroedHeads(weights, mask)));
    const want = await runRows(reference, ROWS);
    const got = await runRows(await openSession(masked), ROWS, { mask: ROWS.map(() => mask) });
    expect(maxAbsDiff(got.logits, want.logits)).toBeLessThanOrEqual(tol);
    const unpruned = await runRows(await openSession(original), ROWS);
    expect(maxAbsDiff(got.logits, unpruned.logits)).toBeGreaterThan(100 * tol);
  });

  it('rows of one batch with different masks each match the row run alone', async () => {
    const session = await openSession(masked);
    const masks = [ones(), pruned([0, 0]), pruned([1, 1], [1, 3], [0, 2])];
    const batched = await runRows(session, ROWS, { mask: masks });
    const rowSize = ROWS[0].length * TINY.vocab;
    for (let i = 0; i < ROWS.length; i++) {
      const alone = await runRows(session, [ROWS[i]], { mask: [masks[i]] });
      expect(maxAbsDiff(rows(batched.logits, i, 1, rowSize), alone.logits)).toBeLessThanOrEqual(1e-5);
    }
  });

  it('last_hidden_state is the LM head input: hidden @ W_lm gives the logits', async () => {
    const got = await runRows(await openSession(masked), ROWS, { mask: ROWS.map(() => pruned([0, 3])) });
    const { hidden: h, vocab } = TINY;
    expect(got.last_hidden_state.length).toBe(ROWS.length * ROWS[0].length * h);
    const recomputed = new Float32Array(got.logits.length);
    for (let t = 0; t < recomputed.length / vocab; t++) {
      for (let v = 0; v < vocab; v++) {
        let sum = 0;
        for (let k = 0; k < h; k++) sum += got.last_hidden_state[t * h + k] * weights.lmHead[k * vocab + v];
        recomputed[t * vocab + v] = sum;
      }
    }
    expect(maxAbsDiff(recomputed, got.logits)).toBeLessThanOrEqual(tol);
  });

  it('rewires each projection to the masked tensor and keeps the initializers byte for byte', () => {
    const before = readModelLayout(original);
    const after = readModelLayout(masked);
    const inits = (l: typeof before) => l.graphFields.filter((f) => f.field === GRAPH_INITIALIZER).map((f) => Buffer.from(l.buf.subarray(f.start, f.end)));
    const [was, now] = [inits(before), inits(after)];
    expect(now.length).toBe(was.length);
    expect(now.every((bytes, i) => bytes.equals(was[i]))).toBe(true);
    expect(after.inputs.at(-1)).toBe('head_mask');
    expect(after.outputs).toEqual(['logits', 'last_hidden_state']);
    const muls = after.nodes.filter((n) => n.opType === 'Mul' && n.inputs.some((i) => i.includes('head_mask')));
    expect(muls.length).toBe(GRID.numLayers);
    const casts = after.nodes.filter((n) => n.opType === 'Cast' && n.name.includes('head_mask'));
    expect(casts.map((n) => n.intAttrs.get('to'))).toEqual(opts.float16 ? [10, 10] : []);
  });
});

describe('addHeadMask naming', () => {
  it('names new nodes after the layer they mask', () => {
    const layout = readModelLayout(addHeadMask(buildTinyDecoder({ style: 'llama' }, tinyWeights(1, 'llama')), GRID));
    const names = layout.nodes.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(['/model/layers.0/head_mask/Gather', '/model/layers.1/head_mask/Mul', '/model/layers.1/head_mask/Reshape_2']));
    const oProj = layout.nodes.find((n) => n.name === '/model/layers.1/self_attn/o_proj/MatMul');
    expect(oProj?.inputs[0]).toBe('/model/layers.1/head_mask/Reshape_2_output_0');
  });
});

describe('addHeadMask passes initializers through', () => {
  it('leaves external data references alone: the same external file still serves the surgered model', async () => {
    const weights = tinyWeights(5, 'llama');
    const original = buildTinyDecoder({ style: 'llama', externalLmHead: true }, weights);
    const externalData = [{ path: EXTERNAL_DATA_FILE, data: new Uint8Array(weights.lmHead.slice().buffer) }];
    const open = (bytes: Uint8Array) => ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, logSeverityLevel: 3, externalData });
    const want = await runRows(await open(original), ROWS);
    const got = await runRows(await open(addHeadMask(original, GRID)), ROWS, { mask: ROWS.map(ones) });
    expect(maxAbsDiff(got.logits, want.logits)).toBeLessThanOrEqual(1e-6);
  });

  it('copies a 64 MB initializer once, without decoding it, in well under a second', () => {
    const size = 64 * 2 ** 20;
    const model = buildTinyDecoder({ style: 'llama', paddingBytes: size }, tinyWeights(5, 'llama'));
    const buffersBefore = process.memoryUsage().arrayBuffers;
    const started = performance.now();
    const out = addHeadMask(model, GRID);
    const elapsed = performance.now() - started;
    // The output is the one model-sized allocation; everything else is small.
    expect(process.memoryUsage().arrayBuffers - buffersBefore).toBeLessThan(1.25 * model.length);
    expect(elapsed).toBeLessThan(1000);
    expect(out.length - model.length).toBeLessThan(8192);
    const padding = (bytes: Uint8Array) => {
      const layout = readModelLayout(bytes);
      const f = layout.graphFields.find((g) => g.field === GRAPH_INITIALIZER && g.end - g.start > size);
      if (!f) throw new Error('the padding initializer is missing');
      return Buffer.from(bytes.buffer, bytes.byteOffset + f.start, f.end - f.start);
    };
    expect(padding(out).equals(padding(model))).toBe(true);
  });
});
