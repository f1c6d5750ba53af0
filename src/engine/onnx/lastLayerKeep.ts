/**
 * The last layer at the read positions only. With num_logits_to_keep = K
 * (engine/onnx/logitsToKeep), the last layer's queries and the causal
 * mask's query rows are sliced to the last K positions before the scores
 * MatMul, and its residual stream and output-projection input before
 * o_proj, so its attention scores, Softmax, o_proj, MLP, final norm and LM
 * head run at K positions; its keys and values stay whole.
 *
 * Why: in draft verification (verify/layerSkip) a row reads prompt + answer
 * but reads argmaxes at the answers' positions only (K is 42% of a read's
 * width over a 40-problem sweep). Every layer below the last needs every
 * position, since its output is the next layer's keys and values; the last
 * layer's queries do not. onnxruntime's profile of one read from layer 2
 * puts 28% of its time in the last layer, nearly all of it query-side.
 * K = 0 keeps every position. Only verification's cut graphs take this: the
 * decoder session keeps a whole last_hidden_state for question embeddings.
 */
import { lenField, withNewGraph } from './graphSplice';
import { GRAPH_NODE, readModelLayout, type ModelLayout } from './modelLayout';
import { encodeNode, replaceInput, type OnnxNode } from './nodeProto';
import { nodeBuilder } from './nodeBuilder';
import { SplicePlan } from './splicePlan';
import { LOGITS_TO_KEEP } from './logitsToKeep';

/** One node's input to rename. */
interface Rewire {
  node: OnnxNode;
  input: number;
  to: string;
}

/** The last layer's nodes this rewires, or undefined where the graph is not the plain exported shape. */
function lastLayerNodes(layout: ModelLayout, stream: string, attention: string) {
  const made = (name: string | undefined, op: string) => {
    const n = name === undefined ? undefined : layout.producers.get(name);
    return n?.opType === op ? n : undefined;
  };
  // attention = Reshape(Transpose(MatMul(Softmax(Add(scale(MatMul(Q, K^T)), mask)), V)), shape)
  const reshape = made(attention, 'Reshape');
  const softmax = made(made(made(reshape?.inputs[0], 'Transpose')?.inputs[0], 'MatMul')?.inputs[0], 'Softmax');
  const maskAdd = made(softmax?.inputs[0], 'Add');
  if (!reshape || !maskAdd || maskAdd.inputs.length !== 2) return undefined;
  const scores = (name: string) => {
    let n = layout.producers.get(name);
    while (n && (n.opType === 'Div' || n.opType === 'Mul')) n = layout.producers.get(n.inputs[0]);
    return n?.opType === 'MatMul' ? n : undefined;
  };
  const sides = maskAdd.inputs.map((i) => !!scores(i));
  if (sides[0] === sides[1]) return undefined;
  const side = sides[0] ? 0 : 1;
  const qk = scores(maskAdd.inputs[side])!;
  const residualAdd = layout.nodes.find((n) => n.opType === 'Add' && n.inputs.length === 2 && n.inputs.includes(stream) && layout.producers.get(n.inputs[n.inputs[0] === stream ? 1 : 0])?.opType === 'MatMul');
  const projection = residualAdd && layout.producers.get(residualAdd.inputs[residualAdd.inputs[0] === stream ? 1 : 0])!;
  if (!residualAdd || !projection) return undefined;
  const order = [qk, maskAdd, reshape, projection, residualAdd].map((n) => n.index);
  if (order.some((i, k) => k > 0 && i <= order[k - 1])) return undefined;
  return { qk, maskAdd, maskSide: 1 - side, reshape, projection, residualAdd };
}

/**
 * The model with its last layer's query-side work sliced to the last num_logits_to_keep positions.
 * @param stream the residual stream entering the last layer (onnx/layerCut residualStreams)
 * @param attention the last layer's attention output, o_proj's input before the head mask (onnx/layerCut attentionInputs)
 * @returns a new array, or the model unchanged where it has no num_logits_to_keep input or another shape there
 */
export function keepLastLayerPositions(model: Uint8Array, stream: string, attention: string): Uint8Array {
  const layout = readModelLayout(model);
  const found = layout.inputs.includes(LOGITS_TO_KEEP) ? lastLayerNodes(layout, stream, attention) : undefined;
  if (!found) return model;
  const { qk, maskAdd, maskSide, reshape, projection, residualAdd } = found;
  const early = nodeBuilder('/last_layer_keep');
  const start = early.add('Neg', 'Neg', [LOGITS_TO_KEEP]);
  const end = early.int64('end', [Number.MAX_SAFE_INTEGER]);
  const slice = (b: typeof early, label: string, tensor: string, axis: number) => b.add(label, 'Slice', [tensor, start, end, early.int64(`axis_${label}`, [axis])]);
  const rewires: Rewire[] = [
    { node: qk, input: 0, to: slice(early, 'Slice_queries', qk.inputs[0], 2) },
    { node: maskAdd, input: maskSide, to: slice(early, 'Slice_mask', maskAdd.inputs[maskSide], 2) },
    // [batch, K, heads, headDim] -> [batch, K, heads * headDim]: the exported shape names the whole width.
    { node: reshape, input: 1, to: early.int64('merged_heads', [0, 0, -1]) },
  ];
  const late = nodeBuilder('/last_layer_keep/late');
  // A row cut after the last layer's attention is fed that output whole; for the others this slice is a no-op.
  rewires.push({ node: projection, input: 0, to: slice(late, 'Slice_input', projection.inputs[0], 1) });
  rewires.push({ node: residualAdd, input: residualAdd.inputs.indexOf(stream), to: slice(late, 'Slice_stream', stream, 1) });
  const field = (n: OnnxNode) => layout.graphFields[layout.nodeFieldIndex[n.index]];
  const graph = new SplicePlan();
  let at = layout.graph.dataStart;
  for (const { node, input, to } of rewires) {
    graph.keep(at, field(node).start);
    // Each slice goes just before the first node that reads it: its inputs exist by then.
    if (node === qk) for (const n of early.nodes) graph.add(lenField(GRAPH_NODE, encodeNode(n)));
    if (node === projection) for (const n of late.nodes) graph.add(lenField(GRAPH_NODE, encodeNode(n)));
    graph.add(lenField(GRAPH_NODE, replaceInput(model, node, input, to)));
    at = field(node).end;
  }
  graph.keep(at, layout.graph.end);
  const plan = withNewGraph(model, layout, graph);
  return plan.writeTo(model, new Uint8Array(plan.length));
}
