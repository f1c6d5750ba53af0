/**
 * config.json against the graph, before a session runs: a layer or head
 * count that does not match the ONNX file otherwise surfaces as raw
 * onnxruntime text ("input 'past_key_values.4.key' is missing in 'feeds'",
 * "Got invalid dimensions"). The message names the field and both counts.
 */
import { ModelFileError } from './errors';
import type { DecoderSpec } from './modelConfig';
import { readModelLayout } from '../onnx/modelLayout';
import { findAttentionProjections, projectionInputWidth } from '../onnx/findAttentionProjections';

/**
 * @param onnx the model file as read (before any surgery)
 * @throws ModelFileError naming config.json when its counts disagree with the graph
 */
export function checkConfigAgainstGraph(onnx: Uint8Array, spec: DecoderSpec, onnxFile: string): void {
  let layout: ReturnType<typeof readModelLayout>;
  try {
    layout = readModelLayout(onnx);
  } catch {
    // An unreadable file is left to the surgery and the session, which name it as truncated or corrupt.
    return;
  }
  const pastLayers = new Set(layout.inputs.map((n) => /^past_key_values\.(\d+)\.key$/.exec(n)?.[1]).filter((l) => l !== undefined)).size;
  if (pastLayers > 0 && pastLayers !== spec.numLayers) {
    throw new ModelFileError('config.json', `num_hidden_layers is ${spec.numLayers}, but ${onnxFile} has ${pastLayers} layers (its past_key_values inputs): the config is not this model's`);
  }
  let width: number | undefined;
  try {
    const [first] = findAttentionProjections(layout, spec.numLayers);
    width = first && projectionInputWidth(layout, first.node);
  } catch {
    // A graph whose projections cannot be found is left to the surgery, which names what it looked for.
    return;
  }
  if (width !== undefined && width !== spec.numHeads * spec.headDim) {
    throw new ModelFileError(
      'config.json',
      `num_attention_heads ${spec.numHeads} x head_dim ${spec.headDim} is ${spec.numHeads * spec.headDim}, but ${onnxFile}'s attention output projection takes ${width} features: the config is not this model's`,
    );
  }
}
