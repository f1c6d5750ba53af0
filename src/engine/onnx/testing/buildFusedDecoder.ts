/**
 * A one-layer decoder whose attention is a com.microsoft GroupQueryAttention
 * node with the full KV-cache I/O HeadLab drives (input_ids, attention_mask,
 * past_key_values.0.key/value in, logits and present.0.key/value out), as
 * onnxruntime-genai exports attention: loadable in the app and the CLI, so
 * they can be shown saying its patterns are unavailable. Seeded random weights.
 */
import { Rng } from '../../problems/rng';
import { FLOAT, GraphBuilder, INT32, INT64 } from './onnxBuilder';

/** The fused decoder's shape; the vocabulary is the bundled tokenizer's, so its ids index the embedding. */
export const FUSED = { numLayers: 1, numHeads: 2, kvHeads: 1, headDim: 8, hidden: 16, vocab: 618 } as const;

/** config.json for the fused decoder, in the Hub layout transformers.js reads. */
export function fusedConfig(): Record<string, unknown> {
  return {
    model_type: 'llama', architectures: ['LlamaForCausalLM'], num_hidden_layers: FUSED.numLayers, num_attention_heads: FUSED.numHeads,
    num_key_value_heads: FUSED.kvHeads, head_dim: FUSED.headDim, hidden_size: FUSED.hidden, vocab_size: FUSED.vocab,
    max_position_embeddings: 64, bos_token_id: 1, eos_token_id: 2, pad_token_id: 3, 'transformers.js_config': { dtype: 'fp32' },
  };
}

/** The model bytes (IR 8, opset 17 plus com.microsoft 1). */
export function buildFusedDecoder(seed = 1): Uint8Array {
  const { hidden: h, headDim: hd, kvHeads, numHeads, vocab } = FUSED;
  const rng = new Rng(seed);
  const rand = (n: number, scale: number) => Float32Array.from({ length: n }, () => (rng.float() * 2 - 1) * scale);
  const g = new GraphBuilder();
  const ids = g.input('input_ids', INT64, ['batch_size', 'sequence_length']);
  const mask = g.input('attention_mask', INT64, ['batch_size', 'total_sequence_length']);
  const pastKey = g.input('past_key_values.0.key', FLOAT, ['batch_size', kvHeads, 'past_sequence_length', hd]);
  const pastValue = g.input('past_key_values.0.value', FLOAT, ['batch_size', kvHeads, 'past_sequence_length', hd]);
  const x = g.op('Gather', [g.floats('embed.weight', [vocab, h], rand(vocab * h, 1)), ids], { name: '/model/embed_tokens/Gather' });
  // GroupQueryAttention's lengths: each row's last key index, and the total length.
  const ones = g.op('ReduceSum', [mask, g.int64s('axes.one', [1], [1])], { name: '/model/ReduceSum', attrs: { keepdims: { i: 0 } } });
  const last = g.op('Sub', [ones, g.int64s('const.one', [], [1])], { name: '/model/Sub' });
  const seqlensK = g.op('Cast', [last], { name: '/model/Cast_seqlens', attrs: { to: { i: INT32 } } });
  const width = g.op('Gather', [g.op('Shape', [mask], { name: '/model/Shape' }), 'const.one'], { name: '/model/Gather_total', attrs: { axis: { i: 0 } } });
  const total = g.op('Cast', [width], { name: '/model/Cast_total', attrs: { to: { i: INT32 } } });
  const a = '/model/layers.0/attn';
  const proj = (label: string, out: number) => g.op('MatMul', [x, g.floats(`layers.0.${label}.weight`, [h, out], rand(h * out, 0.4))], { name: `${a}/${label}/MatMul` });
  const [ctx] = g.node('GroupQueryAttention', [proj('q_proj', h), proj('k_proj', kvHeads * hd), proj('v_proj', kvHeads * hd), pastKey, pastValue, seqlensK, total], {
    name: `${a}/GroupQueryAttention`, domain: 'com.microsoft', outputs: ['/model/layers.0/attn_out', 'present.0.key', 'present.0.value'],
    attrs: { num_heads: { i: numHeads }, kv_num_heads: { i: kvHeads } },
  });
  const out = g.op('MatMul', [ctx, g.floats('layers.0.o_proj.weight', [h, h], rand(h * h, 0.4))], { name: `${a}/o_proj/MatMul` });
  const y = g.op('Add', [x, out], { name: '/model/layers.0/Add' });
  g.node('MatMul', [y, g.floats('lm_head.weight', [h, vocab], rand(h * vocab, 0.5))], { name: '/lm_head/MatMul', outputs: ['logits'] });
  g.output('logits', FLOAT, ['batch_size', 'sequence_length', vocab]);
  g.output('present.0.key', FLOAT, ['batch_size', kvHeads, 'total_sequence_length', hd]);
  g.output('present.0.value', FLOAT, ['batch_size', kvHeads, 'total_sequence_length', hd]);
  return g.model();
}
