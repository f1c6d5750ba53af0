/**
 * Graphs that start part-way up the layer stack, for draft verification
 * (verify/layerSkip): a row that prunes a head in layer L computes, below L,
 * exactly what the unpruned draft computed, so it can start from the
 * draft's residual stream at the input of layer L.
 *
 * `residualStreams` finds, for each layer, the tensor entering it: the
 * input that layer's attention residual Add takes beside the output
 * projection. `withResidualOutputs` adds them as outputs (`residual.L`), so
 * one unpruned pass gives them all. `cutBelowLayer` turns a graph into one
 * whose input is layer L's residual stream: that tensor becomes a graph
 * input, the graph keeps only the outputs asked for, and every node those
 * outputs no longer need (the embedding, layers below L, the cache outputs)
 * is left out, so the runtime never runs them.
 */
import { OnnxSurgeryError } from './errors';
import { findAttentionProjections } from './findAttentionProjections';
import { appendToGraph, lenField, withNewGraph } from './graphSplice';
import { GRAPH_INPUT, GRAPH_NODE, GRAPH_OUTPUT, GRAPH_VALUE_INFO, readModelLayout, valueInfo, type ModelLayout } from './modelLayout';
import { SplicePlan } from './splicePlan';
import { DataType, encodeTensorValueInfo } from './tensorProto';

/** Name of the output holding the residual stream entering `layer`: [batch, seq, hidden]. */
export const residualName = (layer: number) => `residual.${layer}`;
/** Name of the output holding `layer`'s attention output before the head mask and o_proj: [batch, seq, heads * headDim]. */
export const attentionName = (layer: number) => `attention.${layer}`;

/** Ops a cut graph cannot be pruned through: their subgraphs read tensors a node list does not show. */
const SUBGRAPH_OPS = new Set(['If', 'Loop', 'Scan']);

/**
 * The tensor entering each layer, [numLayers]; undefined where the graph is
 * not a plain pre-norm residual stack (fused residual ops, subgraphs).
 */
export function residualStreams(layout: ModelLayout, numLayers: number): string[] | undefined {
  if (layout.nodes.some((n) => SUBGRAPH_OPS.has(n.opType))) return undefined;
  let projections;
  try {
    projections = findAttentionProjections(layout, numLayers);
  } catch (err) {
    if (err instanceof OnnxSurgeryError) return undefined;
    throw err;
  }
  const streams: string[] = [];
  for (const { node } of projections) {
    const out = node.outputs[0];
    const adds = layout.nodes.filter((n) => n.opType === 'Add' && n.inputs.length === 2 && n.inputs.includes(out));
    if (adds.length !== 1) return undefined;
    streams.push(adds[0].inputs[0] === out ? adds[0].inputs[1] : adds[0].inputs[0]);
  }
  // Each layer's stream must come out of the layer below (the embedding feeds layer 0).
  return new Set(streams).size === numLayers ? streams : undefined;
}

/**
 * Each layer's attention output as its output projection reads it, before
 * the head mask: [numLayers] tensor names, or undefined unless every
 * projection is a MatMul of the [batch, seq, heads * headDim] tensor (a
 * Gemm reads it flattened).
 */
export function attentionInputs(layout: ModelLayout, numLayers: number): string[] | undefined {
  try {
    const projections = findAttentionProjections(layout, numLayers);
    return projections.every(({ node }) => node.opType === 'MatMul') ? projections.map(({ node }) => node.inputs[0]) : undefined;
  } catch (err) {
    if (err instanceof OnnxSurgeryError) return undefined;
    throw err;
  }
}

/**
 * The model with `residual.L` outputs for layers 1..streams.length-1 and,
 * given the attention inputs, `residual.0` and `attention.L` for every layer (Identity nodes).
 * @param streams residualStreams of the model before the head-mask surgery, whose Mul hides
 *   the projections from findAttentionProjections; the surgery leaves these tensors' names as they were
 * @param attention attentionInputs of that model, likewise
 */
export function withResidualOutputs(model: Uint8Array, streams: string[], attention?: string[]): Uint8Array {
  const layout = readModelLayout(model);
  const identity = (input: string, output: string) => ({ name: `/${output}/Identity`, opType: 'Identity', inputs: [input], outputs: [output] });
  const layers = streams.map((_, l) => l).slice(attention ? 0 : 1);
  const nodes = [...layers.map((l) => identity(streams[l], residualName(l))), ...(attention ?? []).map((a, l) => identity(a, attentionName(l)))];
  const outputs = nodes.map((n) => encodeTensorValueInfo(n.outputs[0], DataType.FLOAT, ['batch_size', 'sequence_length', 'hidden_size']));
  return appendToGraph(new Uint8Array(model), layout, nodes, { outputs });
}

/**
 * The graph from `at` up: each tensor of `at` (a layer's residual stream,
 * and its attention output to start after its attention) becomes a float
 * graph input (fed under its own name), only `outputs` stay graph outputs,
 * and nodes they do not need are dropped, as are graph inputs no kept node reads.
 */
export function cutBelowLayer(model: Uint8Array, at: string | string[], outputs: string[]): Uint8Array {
  const layout = readModelLayout(model);
  const cut = typeof at === 'string' ? [at] : at;
  for (const stream of cut) if (!layout.producers.has(stream)) throw new OnnxSurgeryError(`cannot cut the graph at "${stream}": no node produces it`);
  const needed = new Set<number>();
  const read = new Set<string>();
  const visit = [...outputs];
  while (visit.length) {
    const tensor = visit.pop()!;
    if (cut.includes(tensor) || read.has(tensor)) continue;
    read.add(tensor);
    const producer = layout.producers.get(tensor);
    if (!producer || needed.has(producer.index)) continue;
    needed.add(producer.index);
    visit.push(...producer.inputs.filter(Boolean));
  }
  for (const stream of cut) read.add(stream);
  const graph = new SplicePlan();
  let input = 0;
  let output = 0;
  let node = 0;
  for (const f of layout.graphFields) {
    let keep = true;
    if (f.field === GRAPH_NODE) keep = needed.has(node++);
    else if (f.field === GRAPH_INPUT) keep = read.has(layout.inputs[input++]);
    else if (f.field === GRAPH_OUTPUT) keep = outputs.includes(layout.outputs[output++]);
    else if (f.field === GRAPH_VALUE_INFO) keep = !cut.includes(valueInfo(layout.buf, f, 'value_info').name);
    if (keep) graph.keep(f.start, f.end);
  }
  for (const stream of cut) graph.add(lenField(GRAPH_INPUT, encodeTensorValueInfo(stream, layout.valueTypes.get(stream) ?? DataType.FLOAT, ['batch_size', 'sequence_length', 'hidden_size'])));
  const plan = withNewGraph(model, layout, graph);
  return plan.writeTo(model, new Uint8Array(plan.length));
}
