/**
 * The decoder graph of a stand-in, in the form optimum exports Llama and
 * Qwen2 to (the files onnx-community publishes and transformers.js loads):
 * decomposed attention with RoPE, repeat_kv for grouped-query attention, an
 * additive causal mask, the standard KV-cache I/O, and node names such as
 * /model/layers.N/self_attn/o_proj/MatMul. fp16 and q4f16 keep activations,
 * the cache and the logits in float16; q4 and q4f16 have every projection
 * and the LM head as MatMulNBits (4 bits, block 32), q4 with float32
 * activations and scales. With `attention: 'gqa'` the
 * attention is onnxruntime-genai's fused GroupQueryAttention instead
 * (gqaAttention.ts), the other structure Hub exports come in.
 */
import { StreamingModelWriter } from './modelWriter';
import type { StandinDtype, StandinShape } from './shapes';
import { gqaMaskInputs, gqaNode, ropeHalfTable } from './gqaAttention';
import { floatFill, matmulFill, NBITS_BLOCK, nbitsFills, valuesOf, type WeightSpec } from './weights';

const FLOAT = 1;
const UINT8 = 2;
const INT64 = 7;
const BOOL = 9;
const FLOAT16 = 10;

/** Uniform range of projection weights: about the 0.02 standard deviation Hugging Face initializes with. */
const WEIGHT_SCALE = 0.035;

/** How attention is written: optimum's decomposed ops, or genai's fused GroupQueryAttention. */
export type StandinAttention = 'decomposed' | 'gqa';

/**
 * Builds the stand-in's graph into a writer, ready to write.
 * Inputs: input_ids, attention_mask, position_ids (decomposed only) [batch, seq | total] int64;
 * past_key_values.N.key/value [batch, kvHeads, past, headDim].
 * Outputs: logits [batch, seq, vocab]; present.N.key/value [batch, kvHeads, total, headDim].
 */
export function buildStandinGraph(shape: StandinShape, dtype: StandinDtype, seed: number, attention: StandinAttention = 'decomposed'): StreamingModelWriter {
  const g = new StreamingModelWriter();
  const half = dtype === 'fp16' || dtype === 'q4f16';
  const nbits = dtype === 'q4' || dtype === 'q4f16';
  const act = half ? FLOAT16 : FLOAT;
  const { hidden: H, headDim: hd, numHeads: nh, numKvHeads: kvh } = shape;
  let tensorId = 0;
  const spec = (scale: number, offset = 0): WeightSpec => ({ seed, id: tensorId++, scale, offset });
  const i64 = (name: string, dims: number[], values: number[]) => g.bytes(name, INT64, dims, new Uint8Array(BigInt64Array.from(values, BigInt).buffer));
  const floats = (name: string, dims: number[], values: (j: number) => number) =>
    g.initializer(name, act, dims, dims.reduce((a, b) => a * b, 1) * (half ? 2 : 4), floatFill(dims.reduce((a, b) => a * b, 1), half, values));
  const vector = (name: string, n: number, w: WeightSpec) => floats(name, [n], valuesOf(w));

  /** x [.., inF] times the weight [inF, outF]: MatMul, or MatMulNBits for q4 and q4f16. */
  const linear = (scope: string, weight: string, x: string, inF: number, outF: number): string => {
    const w = spec(WEIGHT_SCALE);
    if (!nbits) {
      const b = g.initializer(weight, act, [inF, outF], inF * outF * (half ? 2 : 4), matmulFill(w, inF, outF, half));
      return g.op('MatMul', [x, b], { name: `${scope}/MatMul` });
    }
    const q = nbitsFills(w, inF, outF, !half);
    const b = g.initializer(`${weight}_Q4`, UINT8, [outF, inF / NBITS_BLOCK, NBITS_BLOCK / 2], q.packedBytes, q.packed);
    const s = g.initializer(`${weight}_scales`, half ? FLOAT16 : FLOAT, [q.scaleCount], q.scaleCount * (half ? 2 : 4), q.scales);
    return g.op('MatMulNBits', [x, b, s], {
      name: `${scope}/MatMul_Q4`, domain: 'com.microsoft',
      attrs: { K: { i: inF }, N: { i: outF }, bits: { i: 4 }, block_size: { i: NBITS_BLOCK }, accuracy_level: { i: 4 } },
    });
  };
  const rmsNorm = (scope: string, x: string, weight: string): string => {
    const sq = g.op('Mul', [x, x], { name: `${scope}/Mul` });
    const mean = g.op('ReduceMean', [sq], { name: `${scope}/ReduceMean`, attrs: { axes: { ints: [-1] }, keepdims: { i: 1 } } });
    const std = g.op('Sqrt', [g.op('Add', [mean, eps], { name: `${scope}/Add` })], { name: `${scope}/Sqrt` });
    const normed = g.op('Div', [x, std], { name: `${scope}/Div` });
    return g.op('Mul', [normed, vector(weight, H, spec(0.1, 1))], { name: `${scope}/Mul_1` });
  };

  const ids = g.io('input', 'input_ids', INT64, ['batch_size', 'sequence_length']);
  const mask = g.io('input', 'attention_mask', INT64, ['batch_size', 'total_sequence_length']);
  const positions = attention === 'decomposed' ? g.io('input', 'position_ids', INT64, ['batch_size', 'sequence_length']) : '';
  for (let l = 0; l < shape.numLayers; l++) {
    for (const kv of ['key', 'value']) g.io('input', `past_key_values.${l}.${kv}`, act, ['batch_size', kvh, 'past_sequence_length', hd]);
  }
  g.io('output', 'logits', act, ['batch_size', 'sequence_length', shape.vocab]);
  for (let l = 0; l < shape.numLayers; l++) {
    for (const kv of ['key', 'value']) g.io('output', `present.${l}.${kv}`, act, ['batch_size', kvh, 'total_sequence_length', hd]);
  }

  const eps = floats('rms_eps', [], () => shape.rmsEps);
  const one = i64('const_one', [], [1]);
  const zero = i64('const_zero', [], [0]);
  const embed = g.initializer('model.embed_tokens.weight', act, [shape.vocab, H], shape.vocab * H * (half ? 2 : 4), floatFill(shape.vocab * H, half, valuesOf(spec(WEIGHT_SCALE * 10))));
  let x = g.op('Gather', [embed, ids], { name: '/model/embed_tokens/Gather' });

  /** optimum's attention: [batch, seq, width] projections in, the heads' merged output [batch, seq, heads * hd] out (o_proj's input). */
  const decomposed = () => {
    // Additive mask [batch, 1, seq, total]: 0 where a query may attend (causal and not padding), a large negative elsewhere.
    const seq = g.op('Gather', [g.op('Shape', [ids], { name: '/model/Shape' }), one], { name: '/model/Gather', attrs: { axis: { i: 0 } } });
    const pastShape = g.op('Shape', ['past_key_values.0.key'], { name: '/model/Shape_1' });
    const pastLen = g.op('Gather', [pastShape, i64('const_two', [], [2])], { name: '/model/Gather_1', attrs: { axis: { i: 0 } } });
    const total = g.op('Add', [pastLen, seq], { name: '/model/Add' });
    const rows = g.op('Unsqueeze', [g.op('Range', [pastLen, total, one], { name: '/model/Range' }), i64('axes_1', [1], [1])], { name: '/model/Unsqueeze' });
    const cols = g.op('Unsqueeze', [g.op('Range', [zero, total, one], { name: '/model/Range_1' }), i64('axes_0', [1], [0])], { name: '/model/Unsqueeze_1' });
    const causal = g.op('LessOrEqual', [cols, rows], { name: '/model/LessOrEqual' });
    const padding = g.op('Unsqueeze', [g.op('Cast', [mask], { name: '/model/Cast', attrs: { to: { i: BOOL } } }), i64('axes_12', [2], [1, 2])], { name: '/model/Unsqueeze_2' });
    const allowed = g.op('And', [causal, padding], { name: '/model/And' });
    const bias = g.op('Where', [allowed, floats('mask_zero', [], () => 0), floats('mask_min', [], () => (half ? -65504 : -3.4e38))], { name: '/model/Where' });

    // RoPE tables [maxPositions, headDim], gathered by position_ids into [batch, 1, seq, headDim].
    const rope = (name: string, f: (a: number) => number) => floats(name, [shape.maxPositions, hd], (j) => {
      const p = Math.floor(j / hd);
      const i = (j % hd) % (hd / 2);
      return f(p * shape.ropeTheta ** ((-2 * i) / hd));
    });
    const gatherRope = (table: string, label: string) =>
      g.op('Unsqueeze', [g.op('Gather', [table, positions], { name: `/model/rotary_emb/Gather_${label}` }), i64(`axes_rope_${label}`, [1], [1])], { name: `/model/rotary_emb/Unsqueeze_${label}` });
    const cos = gatherRope(rope('cos_cached', Math.cos), 'cos');
    const sin = gatherRope(rope('sin_cached', Math.sin), 'sin');
    const halfStarts = i64('rope_half', [1], [hd / 2]);
    const zeroStarts = i64('rope_zero', [1], [0]);
    const endStarts = i64('rope_end', [1], [hd]);
    const lastAxis = i64('rope_axis', [1], [3]);
    const applyRope = (scope: string, t: string) => {
      const x1 = g.op('Slice', [t, zeroStarts, halfStarts, lastAxis], { name: `${scope}/Slice` });
      const x2 = g.op('Slice', [t, halfStarts, endStarts, lastAxis], { name: `${scope}/Slice_1` });
      const rotated = g.op('Concat', [g.op('Neg', [x2], { name: `${scope}/Neg` }), x1], { name: `${scope}/Concat`, attrs: { axis: { i: -1 } } });
      return g.op('Add', [g.op('Mul', [t, cos], { name: `${scope}/Mul` }), g.op('Mul', [rotated, sin], { name: `${scope}/Mul_1` })], { name: `${scope}/Add` });
    };
    const headsShape = (n: number) => i64(`shape_heads_${n}`, [4], [0, 0, n, hd]);
    const repShape = i64('shape_repeat', [5], [1, 1, nh / kvh, 1, 1]);
    const mergedRep = i64('shape_merged_heads', [4], [0, nh, -1, hd]);
    const mergedShape = i64('shape_merged', [3], [0, 0, nh * hd]);
    const scale = floats('attn_scale', [], () => 1 / Math.sqrt(hd));
    const kvUnsqueeze = i64('axes_2', [1], [2]);

    return (a: string, l: number, qIn: string, kIn: string, vIn: string): string => {
      const split = (t: string, n: number, label: string) =>
        g.op('Transpose', [g.op('Reshape', [t, headsShape(n)], { name: `${a}/Reshape_${label}` })], { name: `${a}/Transpose_${label}`, attrs: { perm: { ints: [0, 2, 1, 3] } } });
      const q = applyRope(`${a}/rope_q`, split(qIn, nh, 'q'));
      const k = applyRope(`${a}/rope_k`, split(kIn, kvh, 'k'));
      const v = split(vIn, kvh, 'v');
      const keys = g.op('Concat', [`past_key_values.${l}.key`, k], { name: `${a}/Concat_k`, attrs: { axis: { i: 2 } }, outputs: [`present.${l}.key`] });
      const values = g.op('Concat', [`past_key_values.${l}.value`, v], { name: `${a}/Concat_v`, attrs: { axis: { i: 2 } }, outputs: [`present.${l}.value`] });
      // repeat_kv: [batch, kvHeads, total, hd] -> [batch, kvHeads, groups, total, hd] -> [batch, heads, total, hd].
      const repeat = (t: string, label: string) => {
        const expanded = g.op('Expand', [g.op('Unsqueeze', [t, kvUnsqueeze], { name: `${a}/repeat_kv_${label}/Unsqueeze` }), repShape], { name: `${a}/repeat_kv_${label}/Expand` });
        return g.op('Reshape', [expanded, mergedRep], { name: `${a}/repeat_kv_${label}/Reshape` });
      };
      const kT = g.op('Transpose', [repeat(keys, 'k')], { name: `${a}/Transpose_kT`, attrs: { perm: { ints: [0, 1, 3, 2] } } });
      const scores = g.op('Add', [g.op('Mul', [g.op('MatMul', [q, kT], { name: `${a}/MatMul` }), scale], { name: `${a}/Mul` }), bias], { name: `${a}/Add` });
      const probs = g.op('Softmax', [scores], { name: `${a}/Softmax`, attrs: { axis: { i: -1 } } });
      const heads = g.op('MatMul', [probs, repeat(values, 'v')], { name: `${a}/MatMul_1` });
      return g.op('Reshape', [g.op('Transpose', [heads], { name: `${a}/Transpose_out`, attrs: { perm: { ints: [0, 2, 1, 3] } } }), mergedShape], { name: `${a}/Reshape_out` });
    };
  };

  /** genai's attention: the same contract, one fused node per layer. */
  const fused = () => {
    const { seqlensK, totalLength } = gqaMaskInputs(g, i64);
    const cos = floats('cos_cache', [shape.maxPositions, hd / 2], ropeHalfTable(Math.cos, hd, shape.ropeTheta));
    const sin = floats('sin_cache', [shape.maxPositions, hd / 2], ropeHalfTable(Math.sin, hd, shape.ropeTheta));
    return (a: string, layer: number, q: string, k: string, v: string): string =>
      gqaNode(g, { scope: a, layer, q, k, v, numHeads: nh, numKvHeads: kvh, headDim: hd, seqlensK, totalLength, cos, sin });
  };

  const attend = attention === 'gqa' ? fused() : decomposed();
  // genai scopes attention as attn, optimum as self_attn.
  const attnScope = attention === 'gqa' ? 'attn' : 'self_attn';
  for (let l = 0; l < shape.numLayers; l++) {
    const p = `/model/layers.${l}`;
    const a = `${p}/${attnScope}`;
    const w = `model.layers.${l}`;
    const h = rmsNorm(`${p}/input_layernorm`, x, `${w}.input_layernorm.weight`);
    const proj = (label: string, out: number) => {
      const y = linear(`${a}/${label}`, `${w}.${attnScope}.${label}.weight`, h, H, out);
      if (!shape.qkvBias) return y;
      return g.op('Add', [y, vector(`${w}.${attnScope}.${label}.bias`, out, spec(0.02))], { name: `${a}/${label}/Add` });
    };
    const merged = attend(a, l, proj('q_proj', nh * hd), proj('k_proj', kvh * hd), proj('v_proj', kvh * hd));
    const attnOut = linear(`${a}/o_proj`, `${w}.${attnScope}.o_proj.weight`, merged, nh * hd, H);
    x = g.op('Add', [x, attnOut], { name: `${p}/Add` });
    const h2 = rmsNorm(`${p}/post_attention_layernorm`, x, `${w}.post_attention_layernorm.weight`);
    const gate = linear(`${p}/mlp/gate_proj`, `${w}.mlp.gate_proj.weight`, h2, H, shape.intermediate);
    const up = linear(`${p}/mlp/up_proj`, `${w}.mlp.up_proj.weight`, h2, H, shape.intermediate);
    const silu = g.op('Mul', [gate, g.op('Sigmoid', [gate], { name: `${p}/mlp/act_fn/Sigmoid` })], { name: `${p}/mlp/act_fn/Mul` });
    const down = linear(`${p}/mlp/down_proj`, `${w}.mlp.down_proj.weight`, g.op('Mul', [silu, up], { name: `${p}/mlp/Mul` }), shape.intermediate, H);
    x = g.op('Add', [x, down], { name: `${p}/Add_1` });
  }
  const final = rmsNorm('/model/norm', x, 'model.norm.weight');
  // Tied embeddings are still a separate [hidden, vocab] initializer here, as torch's export writes the LM head's MatMul weight.
  const lmHead = linear('/lm_head', 'lm_head.weight', final, H, shape.vocab);
  g.op('Identity', [lmHead], { name: '/lm_head/Identity', outputs: ['logits'] });
  return g;
}
