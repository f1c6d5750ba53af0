/**
 * Greedy reading inside the graph: outputs `greedy_tokens` [batch, seq]
 * int64, the argmax of every position's logits, and `greedy_margins`
 * [batch, seq] float32, the top logit minus the runner-up.
 *
 * Why: draft verification (verify/verifiedGenerate) reads one token per
 * position of a teacher-forced answer. Fetching `logits` for that copies
 * [batch, seq, vocab] out of the runtime: 333 MB per pass at a 49k
 * vocabulary, where [batch, seq] is a few kilobytes. ArgMax keeps the first
 * of equal maxima, as model/sampling's argmax does. The margin says how
 * close a verified token came to flipping: the bench reports it wherever
 * the verified and the plain path disagree. Only opset-10-stable forms are
 * used (TopK and Slice take their K, starts and ends as inputs).
 */
import { followedBy, type ModelTransform } from './chainTransform';
import { appendToGraph } from './graphSplice';
import { readModelLayout } from './modelLayout';
import type { NewNode } from './nodeProto';
import { DataType, encodeTensorValueInfo } from './tensorProto';
import { nodeBuilder } from './nodeBuilder';

export const GREEDY_TOKENS = 'greedy_tokens';
export const GREEDY_MARGINS = 'greedy_margins';

/** The nodes, or undefined when the graph has no logits output or already has these names. */
function greedyNodes(layout: ReturnType<typeof readModelLayout>): NewNode[] | undefined {
  if (!layout.outputs.includes('logits')) return undefined;
  if (layout.names.has(GREEDY_TOKENS) || layout.names.has(GREEDY_MARGINS)) return undefined;
  const { nodes, add, int64: constant } = nodeBuilder('/greedy');
  const logits = layout.valueTypes.get('logits') === DataType.FLOAT ? 'logits' : add('Cast', 'Cast', ['logits'], [{ name: 'to', int: DataType.FLOAT }]);
  add('ArgMax', 'ArgMax', [logits], [{ name: 'axis', int: 2 }, { name: 'keepdims', int: 0 }], [GREEDY_TOKENS]);
  // [batch, seq, 2]: the two largest logits of each position.
  const top = add('TopK', 'TopK', [logits, constant('two', [2])], [{ name: 'axis', int: 2 }], ['/greedy/TopK_values', '/greedy/TopK_indices']);
  const axis = constant('axis', [2]);
  const first = add('Slice_first', 'Slice', [top, constant('zero', [0]), constant('one', [1]), axis]);
  const second = add('Slice_second', 'Slice', [top, constant('one_start', [1]), constant('two_end', [2]), axis]);
  const margin = add('Sub', 'Sub', [first, second]);
  // [batch, seq, 1] -> [batch, seq] by the tokens' own shape: no -1, so an empty pass stays well defined.
  add('Reshape', 'Reshape', [margin, add('Shape', 'Shape', [GREEDY_TOKENS])], undefined, GREEDY_MARGINS);
  return nodes;
}

/** Bytes addGreedyOutputs may add: fixed names and small constants (under 1.5 KB on the bundled model); 4 KB leaves room to spare. */
export function greedyOutputsHeadroom(): number {
  return 4096;
}

/**
 * Adds `greedy_tokens` and `greedy_margins` to a decoder with a logits
 * output, in place where `buffer` has room after the model, else into a new array.
 * @param buffer holds the model in [0, length), then free room
 * @returns the rewritten model, or buffer[0, length) unchanged when the graph
 *   has no logits output: verification then reads the logits instead
 */
export function addGreedyOutputs(buffer: Uint8Array, length: number): Uint8Array {
  const model = buffer.subarray(0, length);
  const layout = readModelLayout(model);
  const nodes = greedyNodes(layout);
  if (!nodes) return model;
  // Appended nodes keep the graph topologically sorted: logits exists before them.
  return appendToGraph(buffer, layout, nodes, {
    outputs: [
      encodeTensorValueInfo(GREEDY_TOKENS, DataType.INT64, ['batch_size', 'sequence_length']),
      encodeTensorValueInfo(GREEDY_MARGINS, DataType.FLOAT, ['batch_size', 'sequence_length']),
    ],
  });
}

/** `inner` followed by addGreedyOutputs, sharing the reader's room. */
export function withGreedyOutputs<Spec>(inner?: ModelTransform<Spec>): ModelTransform<Spec> {
  return followedBy(inner, greedyOutputsHeadroom, (buffer, length) => addGreedyOutputs(buffer, length));
}
