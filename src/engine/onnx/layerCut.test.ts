/**
 * Graph cuts for layer skipping on the bundled model's file: the residual
 * stream entering each layer is found by structure, a graph cut below
 * layer L reads that stream as an input and keeps only the nodes its
 * outputs need (no embedding, no cache inputs below L), and a graph with no
 * plain residual stack gets no streams. A cut after layer L's attention
 * reads its output too and runs none of that layer's attention nodes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR } from '../../node/loadNodeModel';
import { attentionInputs, attentionName, cutBelowLayer, residualName, residualStreams, withResidualOutputs } from './layerCut';
import { readModelLayout } from './modelLayout';
import { OnnxSurgeryError } from './errors';

const model = new Uint8Array(readFileSync(join(BUNDLED_MODEL_DIR, 'onnx/model.onnx')));

describe('layer cuts', () => {
  it('finds the residual stream entering each layer of the bundled model', () => {
    const streams = residualStreams(readModelLayout(model), 6)!;
    expect(streams).toEqual(['/model/embed_tokens/Gather_output_0', ...[0, 1, 2, 3, 4].map((l) => `/model/layers.${l}/Add_1_output_0`)]);
  });

  it('adds the streams as outputs, and cuts the graph below a layer', () => {
    const streams = residualStreams(readModelLayout(model), 6)!;
    const withOutputs = readModelLayout(withResidualOutputs(model, streams));
    expect(withOutputs.outputs.slice(-5)).toEqual([1, 2, 3, 4, 5].map(residualName));

    const cut = readModelLayout(cutBelowLayer(model, streams[4], ['logits']));
    expect(cut.outputs).toEqual(['logits']);
    expect(cut.inputs).toContain(streams[4]);
    expect(cut.inputs).not.toContain('past_key_values.3.key');
    expect(cut.inputs).toContain('past_key_values.4.key');
    expect(cut.nodes.some((n) => n.name.startsWith('/model/layers.3/'))).toBe(false);
    expect(cut.nodes.some((n) => n.name.startsWith('/model/layers.4/'))).toBe(true);
    expect(cut.producers.has(streams[4])).toBe(false);
    expect(cut.nodes.length).toBeLessThan(readModelLayout(model).nodes.length / 2);
  });

  it('finds each layer\'s attention output before o_proj, and cuts after a layer\'s attention', () => {
    const layout = readModelLayout(model);
    const streams = residualStreams(layout, 6)!;
    const attention = attentionInputs(layout, 6)!;
    expect(attention).toEqual([0, 1, 2, 3, 4, 5].map((l) => `/model/layers.${l}/self_attn/Reshape_3_output_0`));
    const withOutputs = readModelLayout(withResidualOutputs(model, streams, attention));
    expect(withOutputs.outputs.slice(-12)).toEqual([...[0, 1, 2, 3, 4, 5].map(residualName), ...[0, 1, 2, 3, 4, 5].map(attentionName)]);

    const cut = readModelLayout(cutBelowLayer(model, [streams[2], attention[2]], ['logits']));
    expect(cut.inputs).toEqual(expect.arrayContaining([streams[2], attention[2]]));
    expect(cut.inputs).not.toContain('past_key_values.2.key');
    expect(cut.inputs).toContain('past_key_values.3.key');
    const layer2 = cut.nodes.filter((n) => n.name.startsWith('/model/layers.2/')).map((n) => n.name);
    expect(layer2).toContain('/model/layers.2/self_attn/o_proj/MatMul');
    expect(layer2.some((n) => /q_proj|k_proj|v_proj|input_layernorm|Softmax/.test(n))).toBe(false);
  });

  it('refuses a cut at a tensor no node makes, and finds no streams where the projections are not plain', () => {
    expect(() => cutBelowLayer(model, 'nothing', ['logits'])).toThrow(OnnxSurgeryError);
    expect(residualStreams(readModelLayout(model), 7)).toBeUndefined();
  });
});
