/**
 * The element type of a tensor in the graph, from declarations when the
 * model has them (value_info, inputs, outputs, initializers) and otherwise
 * by following producers back to one that fixes it (Cast, Constant, an
 * initializer). Used to decide whether the head mask needs a Cast to
 * float16 before it meets fp16 activations.
 */
import type { ModelLayout } from './modelLayout';
import type { OnnxNode } from './nodeProto';
import { DataType } from './tensorProto';

/** Ops whose output 0 has a fixed type, whatever their inputs. */
const FIXED_OUTPUT: Record<string, number> = {
  Shape: DataType.INT64, Size: DataType.INT64, NonZero: DataType.INT64, ArgMax: DataType.INT64, ArgMin: DataType.INT64,
  Equal: DataType.BOOL, Less: DataType.BOOL, LessOrEqual: DataType.BOOL, Greater: DataType.BOOL, GreaterOrEqual: DataType.BOOL,
  Not: DataType.BOOL, And: DataType.BOOL, Or: DataType.BOOL, IsNaN: DataType.BOOL, IsInf: DataType.BOOL,
};

/** Inputs whose type output 0 shares, when it is not input 0. */
const TYPE_FROM_INPUTS: Record<string, number[]> = {
  Where: [1, 2],
  CastLike: [1],
  DequantizeLinear: [1],
  MatMulNBits: [0, 2],
  GatherBlockQuantized: [2],
  Range: [0, 1, 2],
};

/** How far one trace may go: deep enough for any real chain of same-type ops, bounded for cyclic (corrupt) graphs. */
const MAX_DEPTH = 256;

function fromNode(layout: ModelLayout, node: OnnxNode, depth: number, seen: Set<string>): number | undefined {
  if (node.opType === 'Cast') return node.intAttrs.get('to');
  if (node.opType === 'Constant') return node.tensorAttrTypes.get('value');
  if (node.opType in FIXED_OUTPUT) return FIXED_OUTPUT[node.opType];
  for (const i of TYPE_FROM_INPUTS[node.opType] ?? [0]) {
    const input = node.inputs[i];
    if (!input) continue;
    const t = trace(layout, input, depth + 1, seen);
    if (t) return t;
  }
  return undefined;
}

function trace(layout: ModelLayout, tensor: string, depth: number, seen: Set<string>): number | undefined {
  const declared = layout.valueTypes.get(tensor) ?? layout.initializerTypes.get(tensor);
  if (declared) return declared;
  if (depth >= MAX_DEPTH || seen.has(tensor)) return undefined;
  seen.add(tensor);
  const producer = layout.producers.get(tensor);
  return producer ? fromNode(layout, producer, depth, seen) : undefined;
}

/**
 * The TensorProto.DataType of `tensor`, or undefined when nothing in the
 * graph says.
 * @param maxDepth how many producers to follow back; 0 reads declarations only
 */
export function elemTypeOf(layout: ModelLayout, tensor: string, maxDepth = MAX_DEPTH): number | undefined {
  return trace(layout, tensor, MAX_DEPTH - Math.min(maxDepth, MAX_DEPTH), new Set());
}
