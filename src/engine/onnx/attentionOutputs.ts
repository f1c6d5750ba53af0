/**
 * Adds graph outputs for each layer's attention probabilities, by the same
 * byte-level splice as the head-mask surgery: one Identity node per layer
 * on the Softmax of decomposed attention (scores after the causal and
 * padding mask), appended to the graph, nothing decoded or re-encoded.
 *
 * Fused attention ops (GroupQueryAttention, MultiHeadAttention, Attention)
 * compute the probabilities inside one kernel and never expose them: such a
 * model gets AttentionPatternsUnavailableError, not an approximation.
 */
import { OnnxSurgeryError } from './errors';
import { findAttentionProjections, HEAD_MERGE_OPS, isAttentionOp, producerThrough, PROBS_OPS } from './findAttentionProjections';
import { lenField, withNewGraph } from './graphSplice';
import { GRAPH_NODE, GRAPH_OUTPUT, readModelLayout, type ModelLayout } from './modelLayout';
import { encodeNode, type NewNode, type OnnxNode } from './nodeProto';
import { SplicePlan } from './splicePlan';
import { elemTypeOf } from './tensorDtype';
import { DataType, encodeTensorValueInfo } from './tensorProto';

/** Said in the UI and the CLI, word for word, when a model's attention is one fused op. */
export const PATTERNS_UNAVAILABLE = 'this export fuses attention; patterns are unavailable';

/** The model computes attention in a fused op, so its probabilities cannot be read. */
export class AttentionPatternsUnavailableError extends OnnxSurgeryError {
  constructor(detail: string) {
    super(`${PATTERNS_UNAVAILABLE} (${detail})`);
  }
}

/** Output with layer `layer`'s attention probabilities: [batch, heads, query, key]. */
export function attentionProbsName(layer: number): string {
  return `attention_probs.${layer}`;
}

/** Output with the scores MatMul's first input (the rotated queries, maybe pre-scaled): [batch, heads, query, headDim]. */
export function attentionQueryName(layer: number): string {
  return `attention_query.${layer}`;
}

/** Output with the scores MatMul's second input (the keys, transposed): [batch, kvHeads or heads, headDim, key]. */
export function attentionKeyName(layer: number): string {
  return `attention_key.${layer}`;
}

export interface AttentionOutputOptions {
  /** Also output each layer's queries and keys as the scores MatMul reads them, so a test can recompute the weights. */
  queriesAndKeys?: boolean;
}

/** Ops between the scores MatMul and the Softmax: scaling, the additive mask, soft-capping, dtype moves. */
const SCORE_OPS = new Set(['Add', 'Sub', 'Div', 'Mul', 'Where', 'Cast', 'Identity', 'Reshape', 'Slice', 'Tanh', 'Expand']);

/** The nearest MatMul upstream of `tensor` through SCORE_OPS, on any input: the query-key product. */
function scoresMatMul(layout: ModelLayout, tensor: string): OnnxNode | undefined {
  let frontier = [tensor];
  const seen = new Set<string>();
  for (let hop = 0; hop <= 8 && frontier.length; hop++) {
    const next: string[] = [];
    for (const t of frontier) {
      const node = layout.producers.get(t);
      if (!node || seen.has(node.name)) continue;
      seen.add(node.name);
      if (node.opType === 'MatMul') return node;
      if (SCORE_OPS.has(node.opType)) next.push(...node.inputs.filter(Boolean));
    }
    frontier = next;
  }
  return undefined;
}

interface LayerAttention {
  layer: number;
  /** The Softmax output. */
  probs: string;
  scores: OnnxNode;
}

/**
 * Each layer's Softmax and scores MatMul, found from its attention output projection.
 * @throws AttentionPatternsUnavailableError when a layer's attention is a fused op
 */
export function findAttentionSoftmax(layout: ModelLayout, numLayers: number): LayerAttention[] {
  return findAttentionProjections(layout, numLayers).map(({ layer, node }) => {
    const core = producerThrough(layout, node.inputs[0], HEAD_MERGE_OPS, (n) => isAttentionOp(n) || n.opType === 'MatMul');
    if (core && isAttentionOp(core.node)) throw new AttentionPatternsUnavailableError(`layer ${layer} runs ${core.node.opType} "${core.node.name}"`);
    const softmax = core?.node.inputs
      .map((t) => producerThrough(layout, t, PROBS_OPS, (n) => n.opType === 'Softmax'))
      .find((s) => s !== undefined);
    if (!softmax) throw new OnnxSurgeryError(`layer ${layer}: no Softmax found before the probabilities x values MatMul`);
    const scores = scoresMatMul(layout, softmax.node.inputs[0]);
    if (!scores) throw new OnnxSurgeryError(`layer ${layer}: no query-key MatMul found before Softmax "${softmax.node.name}"`);
    return { layer, probs: softmax.tensor, scores };
  });
}

/** The Identity nodes and output declarations for every layer. */
function outputNodes(layout: ModelLayout, numLayers: number, options: AttentionOutputOptions): { nodes: NewNode[]; types: number[] } {
  const nodes: NewNode[] = [];
  const types: number[] = [];
  const expose = (source: string, name: string) => {
    if (layout.names.has(name)) throw new OnnxSurgeryError(`the model already has a tensor named ${name}`);
    nodes.push({ name: `${name}/Identity`, opType: 'Identity', inputs: [source], outputs: [name] });
    types.push(elemTypeOf(layout, source) ?? DataType.FLOAT);
  };
  for (const { layer, probs, scores } of findAttentionSoftmax(layout, numLayers)) {
    expose(probs, attentionProbsName(layer));
    if (options.queriesAndKeys) {
      expose(scores.inputs[0], attentionQueryName(layer));
      expose(scores.inputs[1], attentionKeyName(layer));
    }
  }
  return { nodes, types };
}

/** Bytes addAttentionOutputs may add, for tensor names up to `maxNameBytes` long: the room a reader leaves. */
export function attentionOutputsHeadroom(numLayers: number, options: AttentionOutputOptions = {}, maxNameBytes = 256): number {
  const input = 'x'.repeat(maxNameBytes);
  let bytes = 9; // the graph's length prefix can grow by up to 9 bytes
  for (let layer = 0; layer < numLayers; layer++) {
    const names = [attentionProbsName(layer), ...(options.queriesAndKeys ? [attentionQueryName(layer), attentionKeyName(layer)] : [])];
    for (const name of names) {
      bytes += lenField(GRAPH_NODE, encodeNode({ name: `${name}/Identity`, opType: 'Identity', inputs: [input], outputs: [name] })).length;
      bytes += lenField(GRAPH_OUTPUT, encodeTensorValueInfo(name, DataType.BFLOAT16)).length;
    }
  }
  return bytes;
}

/**
 * Adds outputs attention_probs.{layer}, [batch, heads, query, key] (query
 * and key over this call's positions, past included), in place where
 * `buffer` has room after the model, else into a new array.
 * @param buffer holds the model in [0, length), then free room
 * @throws AttentionPatternsUnavailableError for fused attention;
 *   OnnxSurgeryError when the graph has no recognisable attention
 */
export function addAttentionOutputs(buffer: Uint8Array, length: number, numLayers: number, options: AttentionOutputOptions = {}): Uint8Array {
  const model = buffer.subarray(0, length);
  const layout = readModelLayout(model);
  const { nodes, types } = outputNodes(layout, numLayers, options);
  const graph = new SplicePlan();
  graph.keep(layout.graph.dataStart, layout.graph.end);
  // Appended nodes keep the graph topologically sorted: their only inputs are made earlier.
  for (const n of nodes) graph.add(lenField(GRAPH_NODE, encodeNode(n)));
  nodes.forEach((n, i) => graph.add(lenField(GRAPH_OUTPUT, encodeTensorValueInfo(n.outputs[0], types[i]))));
  const plan = withNewGraph(model, layout, graph);
  return plan.length <= buffer.length ? plan.writeInPlace(buffer) : plan.writeTo(model, new Uint8Array(plan.length));
}

/** A model transform as loadDecoderModel takes it (structurally, so engine/onnx needs nothing from engine/model). */
export interface AttentionTransform<Spec extends { numLayers: number }> {
  headroom(spec: Spec): number;
  apply(buffer: Uint8Array, length: number, spec: Spec): Uint8Array;
}

/**
 * addAttentionOutputs, then `next` (the head-mask surgery), sharing the
 * reader's room: the transform of a session for attention patterns. The
 * outputs go first because they are found from the attention output
 * projection's input, which the head-mask surgery rewires.
 */
export function withAttentionOutputs<Spec extends { numLayers: number }>(
  next?: AttentionTransform<Spec>, options: AttentionOutputOptions = {},
): AttentionTransform<Spec> {
  const own = (spec: Spec) => attentionOutputsHeadroom(spec.numLayers, options);
  return {
    headroom: (spec) => own(spec) + (next?.headroom(spec) ?? 0),
    apply(buffer, length, spec) {
      const room = Math.min(own(spec), buffer.length - length);
      const model = addAttentionOutputs(buffer.subarray(0, length + room), length, spec.numLayers, options);
      if (!next) return model;
      const inBuffer = model.buffer === buffer.buffer && model.byteOffset === buffer.byteOffset;
      return next.apply(inBuffer ? buffer : model, model.length, spec);
    },
  };
}
