/**
 * An upper bound on the bytes the head-mask surgery adds to a model, known
 * before the model is read, so that a reader can leave that much room after
 * the file and the surgery can run in the same buffer.
 *
 * What the surgery adds depends on the grid and on names it takes from the
 * model: the layer path in a projection's name, each projection's input, the
 * LM head's input. The bound encodes the very nodes the surgery adds, with
 * each of those names `maxNameBytes` long and each new name carrying the
 * longest suffix the name allocator could give it, rather than restating
 * their layout here.
 */
import { checkGrid } from './headMaskPlan';
import { lenField } from './graphSplice';
import { HEAD_MASK, hiddenStateNode, LAST_HIDDEN_STATE, layerMaskNodes, sharedShapeNodes, type HeadGrid, type NameSource } from './headMaskNodes';
import { GRAPH_INPUT, GRAPH_OUTPUT } from './modelLayout';
import { encodeNode, type NewNode } from './nodeProto';
import { varintSize } from './protobufWalk';
import { DataType, encodeTensorValueInfo } from './tensorProto';

/** The longest name (UTF-8 bytes) a model may use where the bound is concerned: real exports stay far below. */
export const MAX_NAME_BYTES = 256;

/** Nodes the surgery adds per layer, and once: each takes two names (the node's and its output's). */
const NODES_PER_LAYER = 8;
const SHARED_NODES = 7;
/** The most a length prefix can grow: a varint takes 1 to 10 bytes. */
const VARINT_GROWTH = 9;

/** Bytes of a length-delimited field with a one-byte tag. */
function fieldSize(payloadLength: number): number {
  return 1 + varintSize(payloadLength) + payloadLength;
}

/** Gives every name the longest suffix ("_" and `digits` digits) that NameAllocator could add. */
function worstCaseNames(digits: number): NameSource {
  const suffix = `_${'9'.repeat(digits)}`;
  return { take: (base) => base + suffix };
}

const nodeBytes = (nodes: NewNode[]) => nodes.reduce((sum, n) => sum + fieldSize(encodeNode(n).length), 0);

/**
 * An upper bound on how many bytes addHeadMask (either form, with or
 * without hiddenStateOutput) adds to a model: new nodes, the head_mask input,
 * the last_hidden_state output, longer first inputs of the rewired
 * projections and longer length prefixes. It holds for every model whose
 * node and tensor names are at most `maxNameBytes` bytes of UTF-8; for one
 * with longer names, addHeadMaskInPlace finds the exact size before it moves
 * anything and refuses a buffer that is too small.
 * @param modelLength the model's size, when known: it bounds the suffixes
 *   new names may need, and so tightens the bound a little
 * @throws OnnxSurgeryError when the spec is not a grid of positive integers
 */
export function headMaskHeadroom(spec: HeadGrid, modelLength?: number, maxNameBytes = MAX_NAME_BYTES): number {
  checkGrid(spec);
  // NameAllocator tries base, base_1, base_2...: every miss is a distinct name already taken. A model of n
  // bytes holds at most n + 1 distinct names, and the surgery adds two per node.
  const newNames = 2 * (NODES_PER_LAYER * spec.numLayers + SHARED_NODES);
  const maxSuffix = modelLength === undefined ? Number.MAX_SAFE_INTEGER : modelLength + 1 + newNames;
  const names = worstCaseNames(String(maxSuffix).length);
  const lastLayer = spec.numLayers - 1;
  // A projection's name may not give its layer: the prefix is then /model/layers.N.
  const prefix = 'x'.repeat(Math.max(maxNameBytes, `/model/layers.${lastLayer}`.length));
  const modelName = 'x'.repeat(maxNameBytes);

  const shared = sharedShapeNodes(spec, names);
  // The last layer's index has the longest varint, and float16 activations add a Cast.
  const layer = layerMaskNodes(lastLayer, prefix, modelName, DataType.FLOAT16, shared, names);
  // The rewired projection's input 0 field (the old one took at least 2 bytes), and its node's length prefix.
  const rewire = fieldSize(new TextEncoder().encode(layer.output).length) - 2 + VARINT_GROWTH;
  const input = lenField(GRAPH_INPUT, encodeTensorValueInfo(HEAD_MASK, DataType.FLOAT, ['batch_size', spec.numLayers, spec.numHeads])).length;
  const output = lenField(GRAPH_OUTPUT, encodeTensorValueInfo(LAST_HIDDEN_STATE, DataType.BFLOAT16)).length + nodeBytes([hiddenStateNode(modelName, names)]);
  // VARINT_GROWTH at the end: the graph's own length prefix.
  return nodeBytes(shared.nodes) + spec.numLayers * (nodeBytes(layer.nodes) + rewire) + input + output + VARINT_GROWTH;
}
