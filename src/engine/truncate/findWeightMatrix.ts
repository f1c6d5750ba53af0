/**
 * Finds a layer's weight matrix (attention q/k/v/o, MLP gate/up/down) in
 * the graph: o by structure (the projection the attention output feeds,
 * as the head mask finds it), the others by the node names every exporter
 * writes (q_proj, gate_proj, ...; Llama/Qwen/Mistral style, plus a few
 * common aliases), checked to be a MatMul/Gemm/MatMulNBits whose weight
 * is an initializer.
 */
import { findAttentionProjections, layerInName } from '../onnx/findAttentionProjections';
import type { ModelLayout } from '../onnx/modelLayout';
import type { OnnxNode } from '../onnx/nodeProto';
import type { MatrixKind } from './truncationSpec';

const NAME_HINTS: Record<Exclude<MatrixKind, 'attn.o'>, RegExp> = {
  'attn.q': /(?:^|[/._])(q_proj|query|wq)(?:[/._]|$)/,
  'attn.k': /(?:^|[/._])(k_proj|key|wk)(?:[/._]|$)/,
  'attn.v': /(?:^|[/._])(v_proj|value|wv)(?:[/._]|$)/,
  'mlp.gate': /(?:^|[/._])(gate_proj|w1|gate)(?:[/._]|$)/,
  'mlp.up': /(?:^|[/._])(up_proj|w3|up)(?:[/._]|$)/,
  'mlp.down': /(?:^|[/._])(down_proj|w2|down)(?:[/._]|$)/,
};

const WEIGHT_OPS = new Set(['MatMul', 'Gemm', 'MatMulNBits']);

/** The node multiplying by a layer's matrix, and its weight initializer's name. */
export interface WeightMatrix {
  node: OnnxNode;
  /** The initializer holding the weight: input 1 (MatMul, Gemm) or the packed 4-bit data (MatMulNBits). */
  weight: string;
}

/**
 * @throws Error naming what was looked for when the layer has no such
 *   matrix, or has it fused (GPT-2's c_attn) or computed at run time
 */
export function findWeightMatrix(layout: ModelLayout, numLayers: number, layer: number, matrix: MatrixKind): WeightMatrix {
  let node: OnnxNode | undefined;
  if (matrix === 'attn.o') node = findAttentionProjections(layout, numLayers)[layer]?.node;
  else {
    const hint = NAME_HINTS[matrix];
    const found = layout.nodes.filter((n) => WEIGHT_OPS.has(n.opType) && layerInName(n.name)?.layer === layer && hint.test(n.name));
    if (found.length > 1) throw new Error(`layer ${layer} has ${found.length} candidate ${matrix} nodes: ${found.map((n) => `"${n.name}"`).join(', ')}`);
    node = found[0];
  }
  if (!node) {
    throw new Error(
      `no ${matrix} matrix found in layer ${layer}: looked for a MatMul/Gemm/MatMulNBits in layer ${layer} named like ${matrix === 'attn.o' ? 'the attention output projection' : NAME_HINTS[matrix as Exclude<MatrixKind, 'attn.o'>].source} (a fused projection such as GPT-2's c_attn is not split)`,
    );
  }
  const weight = node.inputs[1] ?? '';
  if (!layout.initializerDims.has(weight)) {
    throw new Error(`${matrix} of layer ${layer} ("${node.name}") multiplies by "${weight}", which is computed in the graph, not an initializer: its weights are not in the file as a matrix`);
  }
  return { node, weight };
}
