/**
 * Attention as onnxruntime-genai's model builder exports it: one fused
 * com.microsoft GroupQueryAttention node per layer, RoPE inside it
 * (do_rotary, cos/sin caches), positions derived from the attention mask
 * (no position_ids input), and the node names of its Qwen2/Llama exports
 * (/model/layers.N/attn/..., o_proj fed by the node's first output). The
 * stand-in's other variant decomposes attention as optimum does
 * (decoderGraph.ts); the two compute the same function of the same weights.
 */
import type { StreamingModelWriter } from './modelWriter';

const INT32 = 6;

/**
 * The per-model inputs of every GroupQueryAttention node, from the
 * attention mask [batch, total] as genai's builder derives them:
 * seqlens_k [batch] int32 = valid tokens - 1; total_sequence_length int32 scalar.
 */
export function gqaMaskInputs(g: StreamingModelWriter, i64: (name: string, dims: number[], values: number[]) => string): { seqlensK: string; totalLength: string } {
  const s = '/model/attn_mask_reformat/attn_mask_subgraph';
  const sum = g.op('ReduceSum', ['attention_mask', i64(`${s}/ReduceSum/axes`, [1], [1])], { name: `${s}/ReduceSum`, attrs: { keepdims: { i: 0 } } });
  const minusOne = g.op('Sub', [sum, i64(`${s}/Sub/one`, [], [1])], { name: `${s}/Sub` });
  const seqlensK = g.op('Cast', [minusOne], { name: `${s}/Sub/Cast`, attrs: { to: { i: INT32 } } });
  const total = g.op('Gather', [g.op('Shape', ['attention_mask'], { name: `${s}/Shape` }), i64(`${s}/Gather/index`, [], [1])], { name: `${s}/Gather`, attrs: { axis: { i: 0 } } });
  const totalLength = g.op('Cast', [total], { name: `${s}/Gather/Cast`, attrs: { to: { i: INT32 } } });
  return { seqlensK, totalLength };
}

/** RoPE angles pos * theta^(-2i/headDim) for i < headDim/2: the [maxPositions, headDim/2] cos_cache and sin_cache genai stores. */
export function ropeHalfTable(f: (angle: number) => number, headDim: number, theta: number): (j: number) => number {
  const half = headDim / 2;
  return (j) => f(Math.floor(j / half) * theta ** ((-2 * (j % half)) / headDim));
}

export interface GqaLayer {
  scope: string;
  layer: number;
  /** [batch, seq, heads * headDim], [batch, seq, kvHeads * headDim] x2: the projections, RoPE not yet applied. */
  q: string;
  k: string;
  v: string;
  numHeads: number;
  numKvHeads: number;
  headDim: number;
  seqlensK: string;
  totalLength: string;
  cos: string;
  sin: string;
}

/**
 * One layer's GroupQueryAttention node. Writes present.N.key/value
 * [batch, kvHeads, total, headDim] and returns the heads' merged output
 * [batch, seq, heads * headDim], the input of o_proj.
 */
export function gqaNode(g: StreamingModelWriter, a: GqaLayer): string {
  const [out] = g.node('GroupQueryAttention', [a.q, a.k, a.v, `past_key_values.${a.layer}.key`, `past_key_values.${a.layer}.value`, a.seqlensK, a.totalLength, a.cos, a.sin], {
    name: `${a.scope}/GroupQueryAttention`,
    domain: 'com.microsoft',
    outputs: [`${a.scope}/GroupQueryAttention/output_0`, `present.${a.layer}.key`, `present.${a.layer}.value`],
    attrs: {
      num_heads: { i: a.numHeads }, kv_num_heads: { i: a.numKvHeads }, do_rotary: { i: 1 }, rotary_interleaved: { i: 0 },
      local_window_size: { i: -1 }, scale: { f: 1 / Math.sqrt(a.headDim) },
    },
  });
  return out;
}
