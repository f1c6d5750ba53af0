/**
 * Finds, by graph structure, each layer's attention output projection (the
 * MatMul, MatMulNBits or Gemm that mixes the concatenated heads back into
 * the hidden size) and the LM head. Names only serve as hints: for the
 * layer index, and to choose between two structural candidates.
 */
import { OnnxSurgeryError } from './errors';
import type { ModelLayout } from './modelLayout';
import type { OnnxNode } from './nodeProto';

/** One layer's attention output projection. */
export interface AttentionProjection {
  layer: number;
  node: OnnxNode;
}

const PROJECTION_OPS = new Set(['MatMul', 'MatMulNBits', 'Gemm', 'FusedMatMul']);
/** Between the attention core and the projection: head merging and dtype moves, no arithmetic. */
export const HEAD_MERGE_OPS = new Set(['Reshape', 'Transpose', 'Identity', 'Cast', 'Squeeze', 'Unsqueeze', 'Flatten', 'Dropout']);
/** Between Softmax and the probabilities x values MatMul. */
export const PROBS_OPS = new Set(['Cast', 'Identity', 'Dropout', 'Reshape', 'Transpose', 'Where', 'Expand']);
/** Between the LM head and the logits output (fp16 casts, Gemma-style soft-capping, a bias). */
const LOGITS_OPS = new Set(['Cast', 'Identity', 'Reshape', 'Squeeze', 'Unsqueeze', 'Add', 'Div', 'Tanh', 'Mul']);
const MAX_HOPS = 8;

/** Contrib and ONNX attention ops whose output 0 is the heads' merged output: GroupQueryAttention, MultiHeadAttention, Attention... */
export function isAttentionOp(node: OnnxNode): boolean {
  return node.opType.endsWith('Attention');
}

/**
 * Whether the graph computes attention in a GroupQueryAttention node, whose
 * positions come from seqlens_k rather than position_ids, so a left-padded
 * row is read as if its padding were tokens.
 */
export function hasGroupQueryAttention(layout: ModelLayout): boolean {
  return layout.nodes.some((n) => n.opType === 'GroupQueryAttention');
}

const LAYER_IN_NAME = /^(.*?(?:^|[/._])(?:layers|layer|h|blocks|block)[._](\d+))(?=[/._]|$)/;
const PROJECTION_NAME = /o_proj|c_proj|out_proj|dense|\/o\//;

/** The name's layer path and index, e.g. "/model/layers.3" and 3 from "/model/layers.3/self_attn/o_proj/MatMul". */
export function layerInName(name: string): { prefix: string; layer: number } | undefined {
  const m = LAYER_IN_NAME.exec(name);
  return m ? { prefix: m[1], layer: Number(m[2]) } : undefined;
}

/**
 * The first producer `accept`s, stepping back from `tensor` through `through`
 * ops along input 0 (inputs 1 and 2 for Where), with the tensor it produced.
 */
export function producerThrough(
  layout: ModelLayout, tensor: string, through: Set<string>, accept: (n: OnnxNode) => boolean,
): { node: OnnxNode; tensor: string } | undefined {
  let frontier = [tensor];
  for (let hop = 0; hop <= MAX_HOPS && frontier.length; hop++) {
    const next: string[] = [];
    for (const t of frontier) {
      const node = layout.producers.get(t);
      if (!node) continue;
      if (accept(node)) return { node, tensor: t };
      if (!through.has(node.opType)) continue;
      if (node.opType === 'Where') next.push(...node.inputs.slice(1, 3));
      else if (node.inputs[0]) next.push(node.inputs[0]);
    }
    frontier = next;
  }
  return undefined;
}

/** True when `node` (a MatMul) multiplies attention probabilities by values: one input comes from a Softmax. */
function isProbsTimesValues(layout: ModelLayout, node: OnnxNode): boolean {
  return node.inputs.some((t) => producerThrough(layout, t, PROBS_OPS, (n) => n.opType === 'Softmax') !== undefined);
}

/** The projection's input 0 comes from the attention core: an attention op's output 0, or softmax(QK)·V. */
function isFedByAttention(layout: ModelLayout, proj: OnnxNode): boolean {
  const x = proj.inputs[0];
  const core = x ? producerThrough(layout, x, HEAD_MERGE_OPS, (n) => isAttentionOp(n) || n.opType === 'MatMul') : undefined;
  if (!core) return false;
  if (isAttentionOp(core.node)) return core.tensor === core.node.outputs[0];
  return isProbsTimesValues(layout, core.node);
}

const LOOKED_FOR = 'looked for MatMul/MatMulNBits/Gemm fed (through Reshape/Transpose) by the attention output (Softmax→MatMul, or a GroupQueryAttention/MultiHeadAttention/Attention node)';

/**
 * One attention output projection per layer, ordered by layer: the index in
 * the node name when every candidate has one, else graph (topological) order.
 * @throws OnnxSurgeryError naming the first layer without a projection, or the ambiguity
 */
export function findAttentionProjections(layout: ModelLayout, numLayers: number): AttentionProjection[] {
  const found = layout.nodes.filter((n) => PROJECTION_OPS.has(n.opType) && isFedByAttention(layout, n));
  const named = found.map((n) => layerInName(n.name)?.layer);
  if (found.length > 0 && named.every((l) => l !== undefined)) {
    const byLayer = new Map<number, OnnxNode[]>();
    found.forEach((n, i) => {
      const layer = named[i] as number;
      if (layer >= numLayers) {
        throw new OnnxSurgeryError(`attention output projection "${n.name}" is in layer ${layer}, but the model has ${numLayers} layers`);
      }
      byLayer.set(layer, [...(byLayer.get(layer) ?? []), n]);
    });
    const projections: AttentionProjection[] = [];
    // Stops at the first missing layer, so a huge numLayers costs nothing.
    for (let layer = 0; layer < numLayers; layer++) {
      const nodes = byLayer.get(layer) ?? [];
      if (nodes.length === 0) throw new OnnxSurgeryError(`no attention output projection found for layer ${layer}; ${LOOKED_FOR}`);
      const hinted = nodes.length > 1 ? nodes.filter((n) => PROJECTION_NAME.test(n.name)) : nodes;
      if (hinted.length !== 1) {
        throw new OnnxSurgeryError(`layer ${layer} has ${nodes.length} candidate attention output projections: ${nodes.map((n) => `"${n.name}"`).join(', ')}`);
      }
      projections.push({ layer, node: hinted[0] });
    }
    return projections;
  }
  if (found.length < numLayers) throw new OnnxSurgeryError(`no attention output projection found for layer ${found.length}; ${LOOKED_FOR}`);
  if (found.length > numLayers) {
    throw new OnnxSurgeryError(
      `found ${found.length} attention output projections for ${numLayers} layers: ${found.slice(0, 4).map((n) => `"${n.name}"`).join(', ')}${found.length > 4 ? ', ...' : ''}`,
    );
  }
  return found.map((node, layer) => ({ layer, node }));
}

/**
 * How many input features the projection takes (K of its [K, N] weight),
 * when its weight is an initializer or its attributes say; else undefined.
 */
export function projectionInputWidth(layout: ModelLayout, proj: OnnxNode): number | undefined {
  if (proj.opType === 'MatMulNBits') return proj.intAttrs.get('K');
  const dims = layout.initializerDims.get(proj.inputs[1] ?? '');
  if (!dims || dims.length < 2) return undefined;
  const transposed = (proj.intAttrs.get('transB') ?? 0) !== 0;
  return transposed ? dims[dims.length - 1] : dims[dims.length - 2];
}

/**
 * The LM head: the MatMul/MatMulNBits/Gemm producing the "logits" output
 * (else the first graph output); its input 0 is the final hidden state.
 */
export function findLmHead(layout: ModelLayout): OnnxNode {
  const logits = layout.outputs.includes('logits') ? 'logits' : layout.outputs[0];
  if (logits === undefined) throw new OnnxSurgeryError('cannot add last_hidden_state: the graph has no outputs');
  const head = producerThrough(layout, logits, LOGITS_OPS, (n) => PROJECTION_OPS.has(n.opType))?.node;
  if (!head || !head.inputs[0]) {
    const producer = layout.producers.get(logits);
    throw new OnnxSurgeryError(
      `cannot add last_hidden_state: graph output "${logits}" is not produced by a MatMul/MatMulNBits/Gemm LM head` +
        (producer ? ` (its producer is ${producer.opType} "${producer.name}")` : ''),
    );
  }
  return head;
}
