/**
 * Generation with the cache kept in JS (kv_step outputs) against the same
 * model returning its cache whole: the same tokens, row for row, with
 * per-row head masks and rows that finish at different steps.
 */
import { AutoTokenizer, env } from '@huggingface/transformers';
import { basename, dirname } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../../node/loadNodeModel';
import { nodeFileReader } from '../../node/nodeFileReader';
import { nodeRuntime } from '../../node/nodeRuntime';
import { headMaskTransform } from '../onnx/addHeadMask';
import { syntheticProblems } from '../problems/synthetic';
import { HELD_OUT_SEED } from '../problems/splits';
import { generate } from './generate';
import { loadDecoderModel, type LoadedModel } from './loadModel';
import { buildPromptIds } from './prompt';

let withSteps: LoadedModel;
let whole: LoadedModel;

beforeAll(async () => {
  withSteps = await loadNodeModel(BUNDLED_MODEL_DIR, { transform: headMaskTransform() });
  whole = await loadDecoderModel(nodeFileReader(BUNDLED_MODEL_DIR), () => {
    env.allowRemoteModels = false;
    env.localModelPath = dirname(BUNDLED_MODEL_DIR) + '/';
    return AutoTokenizer.from_pretrained(basename(BUNDLED_MODEL_DIR));
  }, nodeRuntime, { transform: headMaskTransform() });
});

describe('kv_step generation', () => {
  it('is what loadNodeModel opens, and a plain load is not', () => {
    expect(withSteps.decoder.hasKvStep).toBe(true);
    expect(whole.decoder.hasKvStep).toBe(false);
  });

  it('gives the same greedy tokens as a cache returned whole', async () => {
    const questions = syntheticProblems({ seed: HELD_OUT_SEED, count: 6 }).map((p) => p.question);
    const prompts = questions.map((q) => buildPromptIds(withSteps.tokenizer, q, withSteps.spec, 48));
    const { numLayers, numHeads } = withSteps.spec;
    // Row r prunes head r of layer r % numLayers, so rows differ in mask as well as prompt.
    const headMask = new Float32Array(prompts.length * numLayers * numHeads).fill(1);
    prompts.forEach((_, r) => (headMask[r * numLayers * numHeads + (r % numLayers) * numHeads + r] = 0));
    const a = await generate(withSteps.decoder, prompts, { maxNewTokens: 48, headMask });
    const b = await generate(whole.decoder, prompts, { maxNewTokens: 48, headMask });
    expect(a).toEqual(b);
    expect(new Set(a.map((t) => t.length)).size).toBeGreaterThan(1);
  });

  it('still returns present whole from step() for callers that feed it back', async () => {
    const ids = BigInt64Array.from([1, 40, 41, 42], BigInt);
    const run = async (m: LoadedModel) => {
      const d = m.decoder;
      const first = await d.step({ inputIds: ids, attentionMask: new BigInt64Array(4).fill(1n), positionIds: BigInt64Array.from([0, 1, 2, 3], BigInt), batch: 1, past: d.emptyPast(1) });
      const second = await d.step({ inputIds: BigInt64Array.of(7n), attentionMask: new BigInt64Array(5).fill(1n), positionIds: BigInt64Array.of(4n), batch: 1, past: first.present });
      return { logits: Array.from(second.lastLogits), present: second.present.map((t) => [t.dims, Array.from(t.data as Float32Array)]) };
    };
    expect(await run(withSteps)).toEqual(await run(whole));
  });
});
