/**
 * The last layer's query side at the kept positions, on the bundled model's
 * graph: its queries, mask rows, o_proj input and residual stream are
 * sliced by num_logits_to_keep, its keys and values are not, and a graph
 * without that input, or without the exported attention shape, is left as it was.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR } from '../../node/loadNodeModel';
import { attentionInputs, residualStreams } from './layerCut';
import { keepLastLayerPositions } from './lastLayerKeep';
import { withLogitsToKeep } from './logitsToKeep';
import { readModelLayout } from './modelLayout';
import { headMaskTransform } from './addHeadMask';
import { parseDecoderSpec } from '../model/modelConfig';

const file = new Uint8Array(readFileSync(join(BUNDLED_MODEL_DIR, 'onnx/model.onnx')));
const spec = parseDecoderSpec(readFileSync(join(BUNDLED_MODEL_DIR, 'config.json'), 'utf8'));

describe('keepLastLayerPositions', () => {
  const layout = readModelLayout(file);
  const streams = residualStreams(layout, 6)!;
  const attention = attentionInputs(layout, 6)!;

  it('slices the last layer\'s queries, mask rows, o_proj input and residual stream, and nothing of its keys and values', () => {
    const masked = withLogitsToKeep(headMaskTransform()).apply(new Uint8Array(file), file.length, spec);
    const sliced = readModelLayout(keepLastLayerPositions(masked, streams[5], attention[5]));
    const inputsOf = (name: string) => sliced.nodes.find((n) => n.name === name)!.inputs;
    expect(inputsOf('/model/layers.5/self_attn/MatMul')[0]).toBe('/last_layer_keep/Slice_queries_output_0');
    expect(inputsOf('/model/layers.5/self_attn/Add_2')).toContain('/last_layer_keep/Slice_mask_output_0');
    expect(inputsOf('/model/layers.5/self_attn/o_proj/MatMul')[0]).toBe('/last_layer_keep/late/Slice_input_output_0');
    expect(inputsOf('/model/layers.5/Add')).toContain('/last_layer_keep/late/Slice_stream_output_0');
    expect(inputsOf('/model/layers.5/self_attn/Concat_5')).toEqual(['past_key_values.5.key', '/model/layers.5/self_attn/Add_1_output_0']);
    // Layers below the last keep every position.
    expect(inputsOf('/model/layers.4/self_attn/MatMul')[0]).toBe('/model/layers.4/self_attn/Add_output_0');
  });

  it('leaves a graph without num_logits_to_keep, or cut at another tensor, as it was', () => {
    expect(keepLastLayerPositions(file, streams[5], attention[5])).toBe(file);
    const masked = withLogitsToKeep(headMaskTransform()).apply(new Uint8Array(file), file.length, spec);
    expect(keepLastLayerPositions(masked, streams[5], streams[4])).toBe(masked);
  });
});
