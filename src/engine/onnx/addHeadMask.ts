/**
 * Adds a head_mask input to a decoder ONNX model by rewriting its protobuf
 * bytes: the original bytes are reused as views, only the rewired nodes and
 * the new nodes are encoded, and the result is written once into a buffer of
 * its exact size. Initializers (inline or external) pass through untouched.
 */
import { Writer } from 'protobufjs/minimal';
import { OnnxSurgeryError } from './errors';
import { findAttentionProjections, findLmHead, layerInName, projectionInputWidth } from './findAttentionProjections';
import { HEAD_MASK, layerMaskNodes, NameAllocator, sharedShapeNodes, type HeadGrid } from './headMaskNodes';
import { GRAPH_INPUT, GRAPH_NODE, GRAPH_OUTPUT, readModelLayout, type ModelLayout } from './modelLayout';
import { encodeNode, replaceFirstInput, type NewNode } from './nodeProto';
import { readVarint, varintSize, WIRE_LEN, writeVarint } from './protobufWalk';
import { elemTypeOf } from './tensorDtype';
import { DataType, encodeTensorValueInfo } from './tensorProto';

export { OnnxSurgeryError } from './errors';
export type { HeadGrid } from './headMaskNodes';

/** The optional output's name. */
export const LAST_HIDDEN_STATE = 'last_hidden_state';

export interface AddHeadMaskOptions {
  /** Also output last_hidden_state: the LM head's input, [batch, seq, hidden]. */
  hiddenStateOutput?: boolean;
}

const FLOAT_TYPES: ReadonlySet<number> = new Set([DataType.FLOAT, DataType.FLOAT16, DataType.DOUBLE, DataType.BFLOAT16]);

/** A length-delimited graph field: tag, length, payload. */
function lenField(field: number, payload: Uint8Array): Uint8Array {
  return Writer.create().uint32((field << 3) | WIRE_LEN).bytes(payload).finish();
}

function checkGrid(grid: HeadGrid): void {
  for (const key of ['numLayers', 'numHeads', 'headDim'] as const) {
    const v = grid[key];
    if (!Number.isInteger(v) || v <= 0) throw new OnnxSurgeryError(`spec.${key} must be a positive integer, got ${v}`);
  }
}

/** The element type of the projection's activations: declared on X, else its weights' type, else traced back. */
function activationType(layout: ModelLayout, proj: ModelLayout['nodes'][number]): number {
  const x = proj.inputs[0];
  const weight = proj.opType === 'MatMulNBits' ? proj.inputs[2] : proj.inputs[1];
  const type = elemTypeOf(layout, x, 0) ?? (weight ? elemTypeOf(layout, weight, 8) : undefined) ?? elemTypeOf(layout, x) ?? DataType.FLOAT;
  if (!FLOAT_TYPES.has(type)) {
    throw new OnnxSurgeryError(`the input of "${proj.name}" has element type ${type}; head masking needs float activations`);
  }
  return type;
}

/**
 * Returns new model bytes with a `head_mask` graph input, float32
 * [batch, numLayers, numHeads] (1 keeps a head, 0 prunes it). Each layer's
 * attention output, [batch, seq, numHeads * headDim], is split into heads,
 * multiplied by mask[:, layer, :] as [batch, 1, numHeads, 1] (cast to the
 * activations' dtype) and merged back before the output projection.
 * With `hiddenStateOutput`, also adds output `last_hidden_state`: the input
 * of the LM head, [batch, seq, hidden], in the activations' dtype.
 *
 * @param model the bytes of a ModelProto; external data files stay valid
 * @throws OnnxSurgeryError when the bytes are not a readable ONNX model or a
 *   layer's attention output projection (or the LM head) cannot be found
 */
export function addHeadMask(model: Uint8Array, spec: HeadGrid, options: AddHeadMaskOptions = {}): Uint8Array {
  checkGrid(spec);
  const layout = readModelLayout(model);
  if (layout.inputs.includes(HEAD_MASK)) throw new OnnxSurgeryError('the model already has a head_mask input');
  if (options.hiddenStateOutput && layout.names.has(LAST_HIDDEN_STATE)) {
    throw new OnnxSurgeryError(`the model already has a tensor named ${LAST_HIDDEN_STATE}`);
  }
  const projections = findAttentionProjections(layout, spec.numLayers);
  for (const { layer, node } of projections) {
    // A wrong grid would otherwise surface only at inference, as a Reshape error deep in the runtime.
    const width = projectionInputWidth(layout, node);
    if (width !== undefined && width !== spec.numHeads * spec.headDim) {
      throw new OnnxSurgeryError(
        `layer ${layer}'s attention output projection "${node.name}" takes ${width} input features, ` +
          `but numHeads ${spec.numHeads} x headDim ${spec.headDim} = ${spec.numHeads * spec.headDim}`,
      );
    }
  }
  const lmHead = options.hiddenStateOutput ? findLmHead(layout) : undefined;
  const hiddenType = lmHead ? activationType(layout, lmHead) : DataType.FLOAT;

  const names = new NameAllocator(layout.names);
  const before = new Map<number, NewNode[]>();
  const replaced = new Map<number, Uint8Array>();
  const shared = sharedShapeNodes(spec, names);
  // head_mask is a graph input, so the shared nodes can lead the node list.
  before.set(0, [...shared.nodes]);
  for (const { layer, node } of projections) {
    const named = layerInName(node.name);
    const prefix = named?.layer === layer ? named.prefix : `/model/layers.${layer}`;
    const { nodes, output } = layerMaskNodes(layer, prefix, node.inputs[0], activationType(layout, node), shared, names);
    before.set(node.index, [...(before.get(node.index) ?? []), ...nodes]);
    replaced.set(node.index, replaceFirstInput(model, node, output));
  }
  if (lmHead) {
    const identity: NewNode = { name: names.take(`/${LAST_HIDDEN_STATE}/Identity`), opType: 'Identity', inputs: [lmHead.inputs[0]], outputs: [LAST_HIDDEN_STATE] };
    before.set(lmHead.index, [...(before.get(lmHead.index) ?? []), identity]);
  }

  const pieces: Uint8Array[] = [];
  let nodeIndex = 0;
  for (const f of layout.graphFields) {
    if (f.field !== GRAPH_NODE) {
      pieces.push(model.subarray(f.start, f.end));
      continue;
    }
    for (const n of before.get(nodeIndex) ?? []) pieces.push(lenField(GRAPH_NODE, encodeNode(n)));
    const rewired = replaced.get(nodeIndex);
    pieces.push(rewired ? lenField(GRAPH_NODE, rewired) : model.subarray(f.start, f.end));
    nodeIndex++;
  }
  pieces.push(lenField(GRAPH_INPUT, encodeTensorValueInfo(HEAD_MASK, DataType.FLOAT, ['batch_size', spec.numLayers, spec.numHeads])));
  if (lmHead) pieces.push(lenField(GRAPH_OUTPUT, encodeTensorValueInfo(LAST_HIDDEN_STATE, hiddenType)));
  return assemble(model, layout, pieces);
}

/** Writes model[..graph) + the new graph field + model(graph..] into one buffer of the exact size. */
function assemble(model: Uint8Array, layout: ModelLayout, graphPieces: Uint8Array[]): Uint8Array {
  const { graph } = layout;
  let graphLength = 0;
  for (const p of graphPieces) graphLength += p.length;
  // Re-read the tag rather than assume one byte: writers may pad varints.
  const tagLength = readVarint(model, graph.start, graph.end, 'ModelProto').next - graph.start;
  const total = graph.start + tagLength + varintSize(graphLength) + graphLength + (model.length - graph.end);
  const out = new Uint8Array(total);
  out.set(model.subarray(0, graph.start + tagLength), 0);
  let pos = writeVarint(out, graph.start + tagLength, graphLength);
  for (const p of graphPieces) {
    out.set(p, pos);
    pos += p.length;
  }
  out.set(model.subarray(graph.end), pos);
  return out;
}
