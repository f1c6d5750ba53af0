/**
 * Tiny seeded decoders in the shapes real exports take, for the surgery
 * tests: input_ids [batch, seq] -> embedding -> layers -> norm -> LM head
 * -> logits [batch, seq, vocab]. Each layer has attention with a residual
 * and an MLP, so the tests see MatMuls that must not be taken for o_proj.
 */
import { Rng } from '../../problems/rng';
import { FLOAT, FLOAT16, GraphBuilder, INT32, INT64, UINT8 } from './onnxBuilder';
import { floatsToHalf } from './float16';

export type AttentionStyle = 'llama' | 'gpt2-gemm' | 'gpt2-matmul-add' | 'gqa' | 'no-attention';

export interface TinyDecoderOptions {
  style: AttentionStyle;
  /** Activations in float16: a Cast after the embedding, fp16 weights. */
  float16?: boolean;
  /** GQA graphs: o_proj as 4-bit MatMulNBits (block 16) instead of MatMul. */
  nbits?: boolean;
  /** Nodes named /n0, /n1...: layers are then known by graph order only. */
  anonymous?: boolean;
  /** Store the LM head weight in the external file EXTERNAL_DATA_FILE (float32 only). */
  externalLmHead?: boolean;
  /** Add an unused UINT8 initializer of this many bytes. */
  paddingBytes?: number;
}

/** The external data file name of `externalLmHead` models. */
export const EXTERNAL_DATA_FILE = 'tiny.onnx.data';

export const TINY = { numLayers: 2, numHeads: 4, headDim: 8, kvHeads: 2, hidden: 32, vocab: 24, ffn: 48 } as const;
const BLOCK = 16;

export interface LayerWeights {
  /** [hidden, out] as ONNX MatMul takes them. */
  wq: Float32Array;
  wk: Float32Array;
  wv: Float32Array;
  /** o_proj [heads * headDim, hidden]: row h * headDim + d belongs to head h. */
  wo: Float32Array;
  bo: Float32Array;
  /** MatMulNBits scales [hidden, blocks]: wo holds exact multiples of them. */
  woScales: Float32Array;
  w1: Float32Array;
  w2: Float32Array;
}

export interface TinyWeights {
  embed: Float32Array;
  layers: LayerWeights[];
  norm: Float32Array;
  /** [hidden, vocab] */
  lmHead: Float32Array;
}

export function tinyWeights(seed: number, style: AttentionStyle): TinyWeights {
  const rng = new Rng(seed);
  const { hidden: h, vocab, ffn, numLayers } = TINY;
  const kv = style === 'gqa' ? TINY.kvHeads * TINY.headDim : h;
  const rand = (n: number, scale: number) => Float32Array.from({ length: n }, () => (rng.float() * 2 - 1) * scale);
  const layers = Array.from({ length: numLayers }, (): LayerWeights => {
    const woScales = Float32Array.from({ length: (h * h) / BLOCK }, () => 0.02 + rng.float() * 0.03);
    // o_proj weights are 4-bit levels times their block's scale, so the MatMulNBits graph computes the same product.
    const wo = new Float32Array(h * h);
    for (let k = 0; k < h; k++) {
      for (let n = 0; n < h; n++) wo[k * h + n] = (rng.int(0, 15) - 8) * woScales[n * (h / BLOCK) + Math.floor(k / BLOCK)];
    }
    return { wq: rand(h * h, 0.4), wk: rand(h * kv, 0.4), wv: rand(h * kv, 0.4), wo, bo: rand(h, 0.1), woScales, w1: rand(h * ffn, 0.3), w2: rand(ffn * h, 0.3) };
  });
  return { embed: rand(vocab * h, 1), layers, norm: rand(h, 1).map((v) => 1 + v / 2), lmHead: rand(h * vocab, 0.5) };
}

/** MatMulNBits B [N, blocks, BLOCK / 2]: level k of column n, two 4-bit levels a byte, low nibble first. */
function packNBits(wo: Float32Array, scales: Float32Array): Uint8Array {
  const h = TINY.hidden;
  const blocks = h / BLOCK;
  const packed = new Uint8Array(h * blocks * (BLOCK / 2));
  for (let n = 0; n < h; n++) {
    for (let k = 0; k < h; k++) {
      const level = Math.round(wo[k * h + n] / scales[n * blocks + Math.floor(k / BLOCK)]) + 8;
      const byte = n * blocks * (BLOCK / 2) + Math.floor(k / 2);
      packed[byte] |= k % 2 === 0 ? level : level << 4;
    }
  }
  return packed;
}

export function buildTinyDecoder(opts: TinyDecoderOptions, w: TinyWeights): Uint8Array {
  const { hidden: h, vocab, ffn, numHeads: nh, headDim: hd, kvHeads } = TINY;
  const ft = opts.float16 ? FLOAT16 : FLOAT;
  const g = new GraphBuilder(ft);
  let count = 0;
  const name = (n: string) => (opts.anonymous ? `/n${count++}` : n);
  const gpt2 = opts.style.startsWith('gpt2');
  const root = gpt2 ? '/transformer/h' : '/model/layers';
  const attnScope = gpt2 ? 'attn' : opts.style === 'gqa' ? 'attn' : 'self_attn';

  const ids = g.input('input_ids', INT64, ['batch_size', 'sequence_length']);
  g.raw('embed.weight', FLOAT, [vocab, h], new Uint8Array(w.embed.slice().buffer));
  let x = g.op('Gather', ['embed.weight', ids], { name: name('/model/embed_tokens/Gather') });
  if (opts.float16) x = g.op('Cast', [x], { name: name('/model/Cast'), attrs: { to: { i: FLOAT16 } } });
  // Shared constants, added on first use: onnxruntime warns about unused initializers.
  const made = new Set<string>();
  const once = (key: string, add: () => void) => {
    if (!made.has(key)) add();
    made.add(key);
    return key;
  };
  const scale = () => once('attn.scale', () => g.floats('attn.scale', [], Float32Array.of(1 / Math.sqrt(hd))));
  const headsShape = () => once('shape.heads', () => g.int64s('shape.heads', [4], [0, 0, nh, hd]));
  const mergedShape = () => once('shape.merged', () => g.int64s('shape.merged', [3], [0, 0, h]));
  const flatShape = () => once('shape.flat', () => g.int64s('shape.flat', [2], [-1, h]));

  let seqlensK = '';
  let totalLen = '';
  if (opts.style === 'gqa') {
    const shape = g.op('Shape', [ids], { name: name('/model/Shape') });
    const seq = g.op('Gather', [shape, g.int64s('const.one', [], [1])], { name: name('/model/Gather_seq'), attrs: { axis: { i: 0 } } });
    totalLen = g.op('Cast', [seq], { name: name('/model/Cast_total'), attrs: { to: { i: INT32 } } });
    const batch = g.op('Gather', [shape, g.int64s('const.zero_1d', [1], [0])], { name: name('/model/Gather_batch'), attrs: { axis: { i: 0 } } });
    const last = g.op('Sub', [seq, 'const.one'], { name: name('/model/Sub') });
    seqlensK = g.op('Cast', [g.op('Expand', [last, batch], { name: name('/model/Expand') })], { name: name('/model/Cast_seqlens'), attrs: { to: { i: INT32 } } });
  }

  w.layers.forEach((lw, l) => {
    const p = `${root}.${l}`;
    const a = `${p}/${attnScope}`;
    const kvOut = opts.style === 'gqa' ? kvHeads * hd : h;
    const proj = (label: string, input: string, weight: Float32Array, out: number) =>
      g.op('MatMul', [input, g.floats(`${p}.${label}.weight`, [h, out], weight)], { name: name(`${a}/${label}/MatMul`) });
    if (opts.style === 'no-attention') {
      x = g.op('Add', [x, proj('dense', x, lw.wo, h)], { name: name(`${p}/Add`) });
    } else {
      const q = proj(gpt2 ? 'q_attn' : 'q_proj', x, lw.wq, h);
      const k = proj(gpt2 ? 'k_attn' : 'k_proj', x, lw.wk, kvOut);
      const v = proj(gpt2 ? 'v_attn' : 'v_proj', x, lw.wv, kvOut);
      let ctx: string;
      if (opts.style === 'gqa') {
        [ctx] = g.node('GroupQueryAttention', [q, k, v, '', '', seqlensK, totalLen], {
          name: name(`${a}/GroupQueryAttention`), domain: 'com.microsoft', outputs: [`${p}.attn_out`, `present.${l}.key`, `present.${l}.value`],
          attrs: { num_heads: { i: nh }, kv_num_heads: { i: kvHeads } },
        });
      } else {
        const split = (t: string, perm: number[], label: string) =>
          g.op('Transpose', [g.op('Reshape', [t, headsShape()], { name: name(`${a}/Reshape_${label}`) })], { name: name(`${a}/Transpose_${label}`), attrs: { perm: { ints: perm } } });
        const scores = g.op('MatMul', [split(q, [0, 2, 1, 3], 'q'), split(k, [0, 2, 3, 1], 'k')], { name: name(`${a}/MatMul`) });
        const probs = g.op('Softmax', [g.op('Mul', [scores, scale()], { name: name(`${a}/Mul`) })], { name: name(`${a}/Softmax`), attrs: { axis: { i: -1 } } });
        const heads = g.op('MatMul', [probs, split(v, [0, 2, 1, 3], 'v')], { name: name(`${a}/MatMul_1`) });
        const merged = g.op('Transpose', [heads], { name: name(`${a}/Transpose_out`), attrs: { perm: { ints: [0, 2, 1, 3] } } });
        ctx = g.op('Reshape', [merged, mergedShape()], { name: name(`${a}/Reshape_out`) });
      }
      const wo = `${p}.o_proj.weight`;
      let out: string;
      if (opts.style === 'gpt2-gemm') {
        const flat = g.op('Reshape', [ctx, flatShape()], { name: name(`${a}/c_proj/Reshape`) });
        const gemm = g.op('Gemm', [flat, g.floats(wo, [h, h], lw.wo), g.floats(`${p}.o_proj.bias`, [h], lw.bo)], { name: name(`${a}/c_proj/Gemm`) });
        out = g.op('Reshape', [gemm, g.op('Shape', [x], { name: name(`${a}/c_proj/Shape`) })], { name: name(`${a}/c_proj/Reshape_1`) });
      } else if (opts.style === 'gpt2-matmul-add') {
        const mm = g.op('MatMul', [ctx, g.floats(wo, [h, h], lw.wo)], { name: name(`${a}/c_proj/MatMul`) });
        out = g.op('Add', [mm, g.floats(`${p}.o_proj.bias`, [h], lw.bo)], { name: name(`${a}/c_proj/Add`) });
      } else if (opts.nbits) {
        const scales = opts.float16 ? new Uint8Array(floatsToHalf(lw.woScales).buffer) : new Uint8Array(lw.woScales.slice().buffer);
        g.raw(wo, UINT8, [h, h / BLOCK, BLOCK / 2], packNBits(lw.wo, lw.woScales));
        g.raw(`${wo}.scales`, ft, [h * (h / BLOCK)], scales);
        out = g.op('MatMulNBits', [ctx, wo, `${wo}.scales`], {
          name: name(`${a}/o_proj/MatMulNBits`), domain: 'com.microsoft', attrs: { K: { i: h }, N: { i: h }, bits: { i: 4 }, block_size: { i: BLOCK } },
        });
      } else {
        out = g.op('MatMul', [ctx, g.floats(wo, [h, h], lw.wo)], { name: name(`${a}/o_proj/MatMul`) });
      }
      x = g.op('Add', [x, out], { name: name(`${p}/Add`) });
    }
    const up = g.op('MatMul', [x, g.floats(`${p}.mlp.up.weight`, [h, ffn], lw.w1)], { name: name(`${p}/mlp/${gpt2 ? 'c_fc' : 'up_proj'}/MatMul`) });
    const act = g.op('Relu', [up], { name: name(`${p}/mlp/Relu`) });
    const down = g.op('MatMul', [act, g.floats(`${p}.mlp.down.weight`, [ffn, h], lw.w2)], { name: name(`${p}/mlp/${gpt2 ? 'c_proj' : 'down_proj'}/MatMul`) });
    x = g.op('Add', [x, down], { name: name(`${p}/Add_1`) });
  });

  const normed = g.op('Mul', [x, g.floats('norm.weight', [h], w.norm)], { name: name('/model/norm/Mul') });
  const logits = opts.float16 ? 'logits_fp16' : 'logits';
  const lmHead = opts.externalLmHead
    ? g.external('lm_head.weight', FLOAT, [h, vocab], EXTERNAL_DATA_FILE, w.lmHead.byteLength)
    : g.floats('lm_head.weight', [h, vocab], w.lmHead);
  g.node('MatMul', [normed, lmHead], { name: name('/lm_head/MatMul'), outputs: [logits] });
  if (opts.paddingBytes) g.raw('padding', UINT8, [opts.paddingBytes], new Uint8Array(opts.paddingBytes).fill(7));
  if (opts.float16) g.node('Cast', [logits], { name: name('/lm_head/Cast'), outputs: ['logits'], attrs: { to: { i: FLOAT } } });
  g.output('logits', FLOAT, ['batch_size', 'sequence_length', vocab]);
  return g.model();
}
