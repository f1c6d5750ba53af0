/**
 * The positive control, headlab-mix-6x8, under onnxruntime-node: its shape,
 * pinned greedy answers to held-out mix problems, and the effect it was
 * built to have, on one held-out question: its family's head, pruned,
 * removes the shortcut; another family's head does not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MIX_MODEL_DIR, loadNodeModel } from '../../node/loadNodeModel';
import { headMaskTransform } from '../onnx/addHeadMask';
import { mixProblem, mixProblems } from '../problems/mix/mixProblems';
import { HELD_OUT_SEED } from '../problems/splits';
import { maskFor } from '../sweep/sweepSchema';
import type { LoadedModel } from './loadModel';
import { solveQuestions } from './solve';
import { MIX_PINNED_ANSWERS, MIX_PLANTED_HEADS } from './mixModelPins';

let model: LoadedModel;
beforeAll(async () => {
  model = await loadNodeModel(MIX_MODEL_DIR, { transform: headMaskTransform() });
});

const answer = async (question: string, prune: [number, number][] = []) => {
  const headMask = prune.length ? maskFor(prune, 6, 8) : undefined;
  return (await solveQuestions(model, [question], { maxNewTokens: 64, headMask }))[0].text;
};

describe('headlab-mix-6x8', () => {
  it('is a 6 x 8 Llama decoder with its own 670-token vocabulary', () => {
    expect(model.spec).toMatchObject({ modelType: 'llama', numLayers: 6, numHeads: 8, numKvHeads: 8, headDim: 16, maxPositions: 256, vocabSize: 670 });
  });

  it('gives its pinned greedy answers to held-out mix problems', async () => {
    const questions = mixProblems({ seed: HELD_OUT_SEED, count: 8 }).map((p) => p.question);
    const solutions = await solveQuestions(model, questions, { maxNewTokens: 64 });
    expect(solutions.map((s) => s.text)).toEqual(MIX_PINNED_ANSWERS);
  });

  it("takes a distracted question's shortcut unpruned, and pruning its family's head (only) answers it right", async () => {
    const p = mixProblem(HELD_OUT_SEED, 3);
    expect([p.family, p.distracted, p.final]).toEqual(['groups', true, 17]);
    // Unpruned it copies the distractor (Maya's 7 empty jars) into the product.
    expect(await answer(p.question)).toBe('7 * 3 = 21.\n21 + 5 = 26.\n#### 26');
    expect(await answer(p.question, [MIX_PLANTED_HEADS.groups])).toBe('4 * 3 = 12.\n12 + 5 = 17.\n#### 17');
    for (const other of ['price', 'weeks'] as const) {
      expect(await answer(p.question, [MIX_PLANTED_HEADS[other]])).toBe('7 * 3 = 21.\n21 + 5 = 26.\n#### 26');
    }
  });
});
