/**
 * Plans the head-mask surgery as a SplicePlan over the original bytes: the
 * model is read and every check runs here, and the new and rewired nodes are
 * encoded, before a single byte of the model moves. Unchanged runs of graph
 * fields (initializers above all) are kept spans, so the plan stays small
 * whatever the model's size.
 */
import { OnnxSurgeryError } from './errors';
import { findAttentionProjections, findLmHead, layerInName, projectionInputWidth } from './findAttentionProjections';
import { HEAD_MASK, hiddenStateNode, LAST_HIDDEN_STATE, layerMaskNodes, NameAllocator, sharedShapeNodes, type HeadGrid } from './headMaskNodes';
import { GRAPH_INPUT, GRAPH_NODE, GRAPH_OUTPUT, readModelLayout, type ModelLayout } from './modelLayout';
import { encodeNode, replaceFirstInput, type NewNode } from './nodeProto';
import { lenField, withNewGraph } from './graphSplice';
import { SplicePlan } from './splicePlan';
import { elemTypeOf } from './tensorDtype';
import { DataType, encodeTensorValueInfo } from './tensorProto';

export interface AddHeadMaskOptions {
  /** Also output last_hidden_state: the LM head's input, [batch, seq, hidden]. */
  hiddenStateOutput?: boolean;
}

const FLOAT_TYPES: ReadonlySet<number> = new Set([DataType.FLOAT, DataType.FLOAT16, DataType.DOUBLE, DataType.BFLOAT16]);

/** Throws unless numLayers, numHeads and headDim are positive integers. */
export function checkGrid(grid: HeadGrid): void {
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

/** Finds the projections (and the LM head) and checks them against the grid. */
function findTargets(layout: ModelLayout, spec: HeadGrid, options: AddHeadMaskOptions) {
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
  return { projections, lmHead, hiddenType: lmHead ? activationType(layout, lmHead) : DataType.FLOAT };
}

/**
 * The surgery addHeadMask documents, as a plan over `model`'s bytes.
 * @throws OnnxSurgeryError when the bytes are not a readable ONNX model or
 *   the graph lacks what the surgery needs
 */
export function planHeadMask(model: Uint8Array, spec: HeadGrid, options: AddHeadMaskOptions = {}): SplicePlan {
  checkGrid(spec);
  const layout = readModelLayout(model);
  const { projections, lmHead, hiddenType } = findTargets(layout, spec, options);

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
  if (lmHead) before.set(lmHead.index, [...(before.get(lmHead.index) ?? []), hiddenStateNode(lmHead.inputs[0], names)]);

  const graph = new SplicePlan();
  let nodeIndex = 0;
  for (const f of layout.graphFields) {
    if (f.field !== GRAPH_NODE) {
      graph.keep(f.start, f.end);
      continue;
    }
    for (const n of before.get(nodeIndex) ?? []) graph.add(lenField(GRAPH_NODE, encodeNode(n)));
    const rewired = replaced.get(nodeIndex);
    if (rewired) graph.add(lenField(GRAPH_NODE, rewired));
    else graph.keep(f.start, f.end);
    nodeIndex++;
  }
  graph.add(lenField(GRAPH_INPUT, encodeTensorValueInfo(HEAD_MASK, DataType.FLOAT, ['batch_size', spec.numLayers, spec.numHeads])));
  if (lmHead) graph.add(lenField(GRAPH_OUTPUT, encodeTensorValueInfo(LAST_HIDDEN_STATE, hiddenType)));

  return withNewGraph(model, layout, graph);
}
