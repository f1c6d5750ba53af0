import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../../node/loadNodeModel';
import { headMaskTransform } from '../onnx/addHeadMask';
import type { LoadedModel } from '../model/loadModel';
import { syntheticProblems } from '../problems/synthetic';
import { embedQuestions } from './embedQuestions';

let model: LoadedModel;
beforeAll(async () => {
  model = await loadNodeModel(BUNDLED_MODEL_DIR, { transform: headMaskTransform({ hiddenStateOutput: true }) });
});

describe('embedQuestions (bundled model, mean-pooled final hidden state)', () => {
  const questions = syntheticProblems({ seed: 21, count: 5 }).map((p) => p.question);

  it('gives one finite hidden-size vector per question, in order, the same alone as in a padded length-sorted batch', async () => {
    const batched = await embedQuestions(model, questions);
    expect(batched).toHaveLength(5 * 128);
    expect(batched.every(Number.isFinite)).toBe(true);
    for (const [i, q] of questions.entries()) {
      const alone = await embedQuestions(model, [q]);
      for (let d = 0; d < 128; d++) expect(alone[d]).toBeCloseTo(batched[i * 128 + d], 4);
    }
  });

  it('tells different questions apart', async () => {
    const e = await embedQuestions(model, questions.slice(0, 2));
    let diff = 0;
    for (let d = 0; d < 128; d++) diff += Math.abs(e[d] - e[128 + d]);
    expect(diff).toBeGreaterThan(1);
  });
});
