/**
 * The LM head only where logits are read (transformers' num_logits_to_keep):
 * an input `num_logits_to_keep` [1] int64, and the LM head's input sliced
 * to the last K positions before it runs, so `logits` is [batch, K, vocab].
 * K = 0 keeps every position, as the graph did before.
 *
 * Why: reading a prompt needs the next token's logits at its last position
 * only, but the LM head ran, and its logits were copied out, at every
 * position: 1.15 GB per 32-row batch of 100-token prompts at a 49k
 * vocabulary. Nodes that read `logits` (token_logprobs, greedy_tokens) see
 * the kept positions only, so their callers keep every position (K = 0) or
 * the last K they read. The final hidden state is sliced after any
 * last_hidden_state output taps it, so question embeddings are whole.
 */
import { followedBy, type ModelTransform } from './chainTransform';
import { lenField, withNewGraph } from './graphSplice';
import { findLmHead } from './findAttentionProjections';
import { GRAPH_INPUT, GRAPH_NODE, readModelLayout } from './modelLayout';
import { encodeNode, replaceFirstInput } from './nodeProto';
import { nodeBuilder } from './nodeBuilder';
import { OnnxSurgeryError } from './errors';
import { SplicePlan } from './splicePlan';
import { DataType, encodeTensorValueInfo } from './tensorProto';

export const LOGITS_TO_KEEP = 'num_logits_to_keep';

/** Bytes addLogitsToKeep may add: four small nodes, an input and a renamed LM-head input; 4 KB leaves room to spare. */
export function logitsToKeepHeadroom(): number {
  return 4096;
}

/**
 * Adds `num_logits_to_keep` to a decoder whose logits come from a
 * MatMul/Gemm LM head, in place where `buffer` has room after the model,
 * else into a new array.
 * @param buffer holds the model in [0, length), then free room
 * @returns the rewritten model, or buffer[0, length) unchanged where no LM head is found: the cut is only a saving
 */
export function addLogitsToKeep(buffer: Uint8Array, length: number): Uint8Array {
  const model = buffer.subarray(0, length);
  const layout = readModelLayout(model);
  if (layout.names.has(LOGITS_TO_KEEP) || !layout.inputs.includes('input_ids')) return model;
  let head;
  try {
    head = findLmHead(layout);
  } catch (err) {
    if (err instanceof OnnxSurgeryError) return model;
    throw err;
  }
  const hidden = head.inputs[0];
  const { nodes, add, int64 } = nodeBuilder(`/${LOGITS_TO_KEEP}`);
  // Slice [-K, end) on the sequence axis; -0 is 0, so K = 0 keeps every position.
  const start = add('Neg', 'Neg', [LOGITS_TO_KEEP]);
  const sliced = add('Slice', 'Slice', [hidden, start, int64('end', [Number.MAX_SAFE_INTEGER]), int64('axis', [1])]);
  const graph = new SplicePlan();
  const headField = layout.graphFields[layout.nodeFieldIndex[head.index]];
  // The new nodes go just before the LM head, so the graph stays topologically sorted.
  graph.keep(layout.graph.dataStart, headField.start);
  for (const n of nodes) graph.add(lenField(GRAPH_NODE, encodeNode(n)));
  graph.add(lenField(GRAPH_NODE, replaceFirstInput(model, head, sliced)));
  graph.keep(headField.end, layout.graph.end);
  graph.add(lenField(GRAPH_INPUT, encodeTensorValueInfo(LOGITS_TO_KEEP, DataType.INT64, [1])));
  const plan = withNewGraph(model, layout, graph);
  return plan.length <= buffer.length ? plan.writeInPlace(buffer) : plan.writeTo(model, new Uint8Array(plan.length));
}

/** `inner` (the head-mask surgery, say) followed by addLogitsToKeep, sharing the reader's room. */
export function withLogitsToKeep<Spec>(inner?: ModelTransform<Spec>): ModelTransform<Spec> {
  return followedBy(inner, logitsToKeepHeadroom, (buffer, length) => addLogitsToKeep(buffer, length));
}
