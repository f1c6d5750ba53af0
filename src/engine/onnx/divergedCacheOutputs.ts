/**
 * The cache of the rows that leave their draft, and only theirs, out of a
 * verification pass. Input `draft_next` [batch, K] int64 holds, for each
 * of the K positions greedy_tokens covers, the token verification expects
 * there (-1 where nothing is checked; a [batch, 1] of -1 checks nothing).
 * Outputs:
 * - `diverged_rows` [n] int64: the rows whose greedy token differs from
 *   draft_next at some checked position, in row order;
 * - `diverged_kv.{layer}.{key,value}` [n, kvHeads, seq, headDim]: those
 *   rows of the pass's kv_step tensors.
 *
 * Why: a row that leaves its draft at answer token k decodes on from the
 * prompt and the first k draft tokens, whose keys and values this pass has
 * already computed. Fetching kv_step for every row would copy the whole
 * cache of a pass out of the runtime to use a sixth of it (on the bundled
 * model, 17% of pruned rows leave their draft); gathering the leaving rows
 * in the graph copies only theirs. The set is a superset of the rows that
 * decode on (a row that ends early is in it too); the caller picks.
 * Opset-10-stable forms only, as in greedyOutputs: the row-wise "any" is a
 * TopK of one.
 */
import { followedBy, type ModelTransform } from './chainTransform';
import { appendToGraph } from './graphSplice';
import { readModelLayout } from './modelLayout';
import { nodeBuilder } from './nodeBuilder';
import { GREEDY_TOKENS } from './greedyOutputs';
import { kvStepName } from './kvStepOutputs';
import { DataType, encodeTensorValueInfo } from './tensorProto';

export const DRAFT_NEXT = 'draft_next';
export const DIVERGED_ROWS = 'diverged_rows';

/** Name of the output with the diverged rows of layer `layer`'s kv_step keys or values. */
export function divergedKvName(layer: number, kv: 'key' | 'value'): string {
  return `diverged_kv.${layer}.${kv}`;
}

/** Bytes addDivergedCacheOutputs may add: about 300 per cache tensor and 2 KB for the rest. */
export function divergedCacheHeadroom(numLayers: number): number {
  return 2048 + numLayers * 2 * 384;
}

/**
 * Adds draft_next, diverged_rows and diverged_kv.* to a decoder that has the
 * greedy outputs and kv_step outputs, in place where `buffer` has room after
 * the model, else into a new array.
 * @param buffer holds the model in [0, length), then free room
 * @returns the rewritten model, or buffer[0, length) unchanged when the graph lacks
 *   greedy_tokens or kv_step: rows then re-read their prompts to decode on
 */
export function addDivergedCacheOutputs(buffer: Uint8Array, length: number, numLayers: number): Uint8Array {
  const model = buffer.subarray(0, length);
  const layout = readModelLayout(model);
  const kv = Array.from({ length: numLayers }, (_, l) => [kvStepName(l, 'key'), kvStepName(l, 'value')]).flat();
  if (!layout.outputs.includes(GREEDY_TOKENS) || !kv.every((n) => layout.outputs.includes(n)) || layout.names.has(DRAFT_NEXT)) return model;
  const { nodes, add, int64 } = nodeBuilder('/diverged');
  const checked = add('Greater', 'Greater', [DRAFT_NEXT, int64('minus_one', [-1], [])]);
  const differs = add('Not', 'Not', [add('Equal', 'Equal', [GREEDY_TOKENS, DRAFT_NEXT])]);
  const wrong = add('Cast', 'Cast', [add('And', 'And', [checked, differs])], [{ name: 'to', int: DataType.FLOAT }]);
  // [batch, 1]: whether any checked position of the row differs.
  const any = add('TopK', 'TopK', [wrong, int64('one', [1])], [{ name: 'axis', int: 1 }], ['/diverged/TopK_values', '/diverged/TopK_indices']);
  const flat = add('Cast_bool', 'Cast', [add('Reshape_any', 'Reshape', [any, int64('flat', [-1])])], [{ name: 'to', int: DataType.BOOL }]);
  add('Reshape_rows', 'Reshape', [add('NonZero', 'NonZero', [flat]), int64('flat_rows', [-1])], undefined, DIVERGED_ROWS);
  const outputs = [encodeTensorValueInfo(DIVERGED_ROWS, DataType.INT64, ['diverged'])];
  kv.forEach((name, i) => {
    const out = divergedKvName(i >> 1, i % 2 ? 'value' : 'key');
    add(`Gather_${i}`, 'Gather', [name, DIVERGED_ROWS], [{ name: 'axis', int: 0 }], out);
    outputs.push(encodeTensorValueInfo(out, layout.valueTypes.get(name) ?? layout.valueTypes.get(`present.${i >> 1}.key`) ?? DataType.FLOAT));
  });
  return appendToGraph(buffer, layout, nodes, {
    inputs: [encodeTensorValueInfo(DRAFT_NEXT, DataType.INT64, ['batch_size', 'kept'])],
    outputs,
  });
}

/** `inner` (ending with the kv_step outputs) followed by addDivergedCacheOutputs, sharing the reader's room. */
export function withDivergedCacheOutputs<Spec extends { numLayers: number }>(inner?: ModelTransform<Spec>): ModelTransform<Spec> {
  return followedBy(inner, (spec) => divergedCacheHeadroom(spec.numLayers), (buffer, length, spec) => addDivergedCacheOutputs(buffer, length, spec.numLayers));
}
