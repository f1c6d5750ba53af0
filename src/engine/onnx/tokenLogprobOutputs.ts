/**
 * Log-prob scoring inside the graph: an input `score_positions` [K] int64
 * and an output `token_logprobs` [batch, K] float32, where
 *
 *   token_logprobs[b, k] = log softmax(logits[b, p_k])[input_ids[b, p_k + 1]]
 *
 * Why: scoring a reference solution needs one number per target token, but
 * fetching `logits` copies [batch, seq, vocab] out of the runtime: 0.94 GB
 * for 16 rows of 97 positions at Qwen2.5's 151,936-token vocabulary, where
 * log-prob sweeps ran at 0.08 to 0.21 cells/s. Gathering in the graph
 * moves [batch, K] instead. onnxruntime runs every node on every run
 * whatever is fetched, so generation feeds an empty `score_positions` and
 * the added nodes work on empty tensors. Only opset-stable forms are used
 * (no Unsqueeze, whose axes moved from attribute to input at opset 13).
 */
import { followedBy, type ModelTransform } from './chainTransform';
import { appendToGraph } from './graphSplice';
import { readModelLayout } from './modelLayout';
import type { NewNode } from './nodeProto';
import { DataType, encodeTensorValueInfo } from './tensorProto';
import { nodeBuilder } from './nodeBuilder';

export const SCORE_POSITIONS = 'score_positions';
export const TOKEN_LOGPROBS = 'token_logprobs';

/** The nodes, or undefined when the graph lacks input_ids or logits, or already has these names. */
function scoreNodes(layout: ReturnType<typeof readModelLayout>): NewNode[] | undefined {
  if (!layout.inputs.includes('input_ids') || !layout.outputs.includes('logits')) return undefined;
  if (layout.names.has(SCORE_POSITIONS) || layout.names.has(TOKEN_LOGPROBS)) return undefined;
  const { nodes, add, int64 } = nodeBuilder(`/${TOKEN_LOGPROBS}`);
  const next = add('Add', 'Add', [SCORE_POSITIONS, int64('one', [1])]);
  const targets = add('Gather_targets', 'Gather', ['input_ids', next], [{ name: 'axis', int: 1 }]);
  // [batch, K] -> [batch, K, 1] by Reshape to Shape ++ [1]: no -1, so K = 0 stays well defined.
  const shape = add('Shape', 'Shape', [targets]);
  const indexShape = add('Concat', 'Concat', [shape, int64('trailing_one', [1])], [{ name: 'axis', int: 0 }]);
  const index = add('Reshape_index', 'Reshape', [targets, indexShape]);
  const picked = add('Gather_logits', 'Gather', ['logits', SCORE_POSITIONS], [{ name: 'axis', int: 1 }]);
  const asFloat = layout.valueTypes.get('logits') === DataType.FLOAT ? picked : add('Cast', 'Cast', [picked], [{ name: 'to', int: DataType.FLOAT }]);
  const logProbs = add('LogSoftmax', 'LogSoftmax', [asFloat], [{ name: 'axis', int: 2 }]);
  const gathered = add('GatherElements', 'GatherElements', [logProbs, index], [{ name: 'axis', int: 2 }]);
  add('Reshape_out', 'Reshape', [gathered, shape], undefined, TOKEN_LOGPROBS);
  return nodes;
}

/** Bytes addTokenLogprobOutput may add: its nodes, input and output have fixed names (1,503 bytes on the bundled model); 4 KB leaves room to spare. */
export function tokenLogprobHeadroom(): number {
  return 4096;
}

/**
 * Adds `score_positions` and `token_logprobs` to a decoder with input_ids
 * and logits, in place where `buffer` has room after the model, else into
 * a new array.
 * @param buffer holds the model in [0, length), then free room
 * @returns the rewritten model, or buffer[0, length) unchanged when the
 *   graph lacks input_ids or logits: the output is only a speed-up
 */
export function addTokenLogprobOutput(buffer: Uint8Array, length: number): Uint8Array {
  const model = buffer.subarray(0, length);
  const layout = readModelLayout(model);
  const nodes = scoreNodes(layout);
  if (!nodes) return model;
  // Appended nodes keep the graph topologically sorted: logits and input_ids exist before them.
  return appendToGraph(buffer, layout, nodes, {
    inputs: [encodeTensorValueInfo(SCORE_POSITIONS, DataType.INT64, ['score_count'])],
    outputs: [encodeTensorValueInfo(TOKEN_LOGPROBS, DataType.FLOAT, ['batch_size', 'score_count'])],
  });
}

/** `inner` (the head-mask surgery, say) followed by addTokenLogprobOutput, sharing the reader's room. */
export function withTokenLogprobs<Spec>(inner?: ModelTransform<Spec>): ModelTransform<Spec> {
  return followedBy(inner, tokenLogprobHeadroom, (buffer, length) => addTokenLogprobOutput(buffer, length));
}
