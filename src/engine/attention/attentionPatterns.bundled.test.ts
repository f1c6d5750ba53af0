/**
 * Attention patterns of the bundled model, read through the attention
 * outputs surgery on onnxruntime-node, checked against what attention is:
 * softmax rows, causal and padding zeros, an independent recomputation
 * from the layer's own queries and keys, and what pruning may change.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedModel } from '../model/loadModel';
import { buildPromptIds } from '../model/prompt';
import { headMaskTransform } from '../onnx/addHeadMask';
import { withAttentionOutputs } from '../onnx/attentionOutputs';
import { maskFor } from '../sweep/sweepSchema';
import { syntheticProblem } from '../problems/synthetic';
import { HELD_OUT_SEED } from '../problems/splits';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../../node/loadNodeModel';
import { runAttention, type AttentionRun } from './runAttention';
import { sequencePatterns } from './sequencePatterns';
import { recomputeRow } from './testing/recomputeAttention';

let model: LoadedModel;
let long: number[];
let short: number[];

beforeAll(async () => {
  model = await loadNodeModel(BUNDLED_MODEL_DIR, { transform: withAttentionOutputs(headMaskTransform(), { queriesAndKeys: true }) });
  long = buildPromptIds(model.tokenizer, syntheticProblem(HELD_OUT_SEED, 0).question, model.spec, 0);
  short = buildPromptIds(model.tokenizer, 'Mia has 5 apples. How many apples does Mia have?', model.spec, 0);
}, 60_000);

/** probs[b, h, q, k] of a run. */
const at = (run: AttentionRun, k: number, b: number, h: number, q: number, key: number) =>
  run.probs[k][((b * model.spec.numHeads + h) * run.width + q) * run.width + key];

describe('attention patterns of the bundled model', () => {
  it('rows sum to 1, keys after the query get 0, and the left padding of a batch gets 0', async () => {
    const run = await runAttention(model.decoder, [long, short], { queriesAndKeys: true });
    const pad = run.width - short.length;
    expect(pad).toBeGreaterThan(0);
    for (let k = 0; k < run.layers.length; k++) {
      for (let h = 0; h < model.spec.numHeads; h++) {
        for (const b of [0, 1]) {
          for (let q = b === 1 ? pad : 0; q < run.width; q++) {
            let sum = 0;
            for (let key = 0; key < run.width; key++) sum += at(run, k, b, h, q, key);
            expect(Math.abs(sum - 1)).toBeLessThan(1e-5);
            for (let key = q + 1; key < run.width; key++) expect(at(run, k, b, h, q, key)).toBe(0);
            if (b === 1) for (let key = 0; key < pad; key++) expect(at(run, k, b, h, q, key)).toBe(0);
          }
        }
      }
    }
  });

  it("equals softmax(q·k/√d) recomputed from the layer's own projected queries and keys, within 1e-4", async () => {
    const run = await runAttention(model.decoder, [long, short], { queriesAndKeys: true });
    let worst = 0;
    for (let k = 0; k < run.layers.length; k++) {
      for (let h = 0; h < model.spec.numHeads; h++) {
        for (const b of [0, 1]) {
          for (let q = run.width - (b === 0 ? long : short).length; q < run.width; q++) {
            recomputeRow(run, model.spec, k, b, h, q).forEach((w, key) => (worst = Math.max(worst, Math.abs(w - at(run, k, b, h, q, key)))));
          }
        }
      }
    }
    expect(worst).toBeLessThan(1e-4);
  });

  it('a padded row has the patterns it has alone', async () => {
    const [, padded] = await sequencePatterns(model.decoder, [long, short]);
    const [alone] = await sequencePatterns(model.decoder, [short]);
    for (let k = 0; k < alone.layers.length; k++) {
      const a = alone.layers[k].weights;
      const p = padded.layers[k].weights;
      expect(p.length).toBe(a.length);
      expect(Math.max(...a.map((v, i) => Math.abs(v - p[i])))).toBeLessThan(1e-5);
    }
  });

  it('pruning a head of layer 2 leaves layers 0-2 as they were and changes layers 3-5', async () => {
    const { numLayers, numHeads } = model.spec;
    const [before] = await sequencePatterns(model.decoder, [long]);
    const [after] = await sequencePatterns(model.decoder, [long], { headMask: maskFor([[2, 3]], numLayers, numHeads) });
    const diffs = before.layers.map((l, k) => Math.max(...l.weights.map((v, i) => Math.abs(v - after.layers[k].weights[i]))));
    expect(diffs.slice(0, 3).every((d) => d < 1e-6)).toBe(true);
    expect(diffs.slice(3).every((d) => d > 1e-3)).toBe(true);
  });

  it('reads only the layers asked for', async () => {
    const [p] = await sequencePatterns(model.decoder, [short], { layers: [4] });
    expect(p.layers.map((l) => l.layer)).toEqual([4]);
    expect(p.layers[0].weights.length).toBe(model.spec.numHeads * short.length * short.length);
    await expect(sequencePatterns(model.decoder, [short], { layers: [6] })).rejects.toThrow(/Layer 6 is outside/);
  });
});
