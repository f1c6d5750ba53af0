/**
 * The nodes that apply head_mask [batch, layers, heads] to one layer's
 * attention output, X [batch, seq, heads * headDim] (or [batch * seq, ...]
 * where a Gemm projection wants 2-D input):
 *
 *   m  = Reshape(Gather(head_mask, l, axis=1), [0, 1, heads, 1])   [batch, 1, heads, 1]
 *   X' = Reshape(Reshape(X, [batch, -1, heads, headDim]) * m, Shape(X))
 *
 * Splitting by the mask's own batch (not [0, 0, ...]) is what lets one rule
 * cover both 3-D and flattened 2-D projection inputs.
 */
import type { NewNode } from './nodeProto';
import { DataType, encodeInt64Tensor } from './tensorProto';

export interface HeadGrid {
  numLayers: number;
  numHeads: number;
  headDim: number;
}

/** The graph input's name. */
export const HEAD_MASK = 'head_mask';
/** The optional output's name. */
export const LAST_HIDDEN_STATE = 'last_hidden_state';

/** Where new node and tensor names come from. */
export interface NameSource {
  /** A unique name: `base`, or `base` with a numeric suffix. */
  take(base: string): string;
}

/** Hands out node and tensor names that are not in the graph yet. */
export class NameAllocator implements NameSource {
  constructor(private readonly taken: Set<string>) {}

  take(base: string): string {
    let name = base;
    for (let i = 1; this.taken.has(name); i++) name = `${base}_${i}`;
    this.taken.add(name);
    return name;
  }
}

/** Adds nodes named `prefix/op...` whose single outputs are `name_output_0`, as exporters name them. */
class NodeList {
  readonly nodes: NewNode[] = [];
  constructor(private readonly names: NameSource, private readonly prefix: string) {}

  add(op: string, inputs: string[], attributes?: NewNode['attributes'], label = op): string {
    const name = this.names.take(`${this.prefix}/${label}`);
    const output = this.names.take(`${name}_output_0`);
    this.nodes.push({ name, opType: op, inputs, outputs: [output], attributes });
    return output;
  }

  constant(label: string, dims: number[], values: number[]): string {
    return this.add('Constant', [], [{ name: 'value', tensor: encodeInt64Tensor(dims, values) }], label);
  }
}

/** Shapes every layer uses, computed once from head_mask itself. */
export interface SharedShapes {
  nodes: NewNode[];
  /** [batch, -1, heads, headDim]: splits X into heads. */
  splitShape: string;
  /** [0, 1, heads, 1]: the mask slice as a broadcastable [batch, 1, heads, 1]. */
  maskShape: string;
}

/**
 * The nodes computing the shared shapes: Shape(head_mask) [3] -> batch [1]
 * -> Concat with [-1, heads, headDim], plus the constant [0, 1, heads, 1].
 * They depend on head_mask only, so they can lead the node list.
 */
export function sharedShapeNodes(grid: HeadGrid, names: NameSource): SharedShapes {
  const list = new NodeList(names, `/${HEAD_MASK}`);
  const maskShape = list.add('Shape', [HEAD_MASK]);
  const batch = list.add('Gather', [maskShape, list.constant('batch_axis', [1], [0])], [{ name: 'axis', int: 0 }]);
  const headDims = list.constant('head_dims', [3], [-1, grid.numHeads, grid.headDim]);
  const splitShape = list.add('Concat', [batch, headDims], [{ name: 'axis', int: 0 }]);
  const broadcastShape = list.constant('broadcast_shape', [4], [0, 1, grid.numHeads, 1]);
  return { nodes: list.nodes, splitShape, maskShape: broadcastShape };
}

/**
 * One layer's masking nodes.
 * @param prefix the layer's path, e.g. "/model/layers.3"
 * @param x the projection's input 0
 * @param dtype the activations' TensorProto.DataType; the mask is cast to it when not float32
 * @returns the nodes and the masked tensor to feed the projection instead of x
 */
export function layerMaskNodes(
  layer: number, prefix: string, x: string, dtype: number, shared: SharedShapes, names: NameSource,
): { nodes: NewNode[]; output: string } {
  const list = new NodeList(names, `${prefix}/${HEAD_MASK}`);
  let slice = list.add('Gather', [HEAD_MASK, list.constant('layer_index', [], [layer])], [{ name: 'axis', int: 1 }]);
  if (dtype !== DataType.FLOAT) slice = list.add('Cast', [slice], [{ name: 'to', int: dtype }]);
  const mask = list.add('Reshape', [slice, shared.maskShape]);
  const xShape = list.add('Shape', [x]);
  const heads = list.add('Reshape', [x, shared.splitShape]);
  const masked = list.add('Mul', [heads, mask]);
  const output = list.add('Reshape', [masked, xShape]);
  return { nodes: list.nodes, output };
}

/** The Identity that exposes the LM head's input, `hidden`, as graph output last_hidden_state. */
export function hiddenStateNode(hidden: string, names: NameSource): NewNode {
  return { name: names.take(`/${LAST_HIDDEN_STATE}/Identity`), opType: 'Identity', inputs: [hidden], outputs: [LAST_HIDDEN_STATE] };
}
