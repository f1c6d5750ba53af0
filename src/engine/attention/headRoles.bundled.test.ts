/**
 * Head roles of the bundled model over synthetic problems, on
 * onnxruntime-node: every role has queries in this data, scores are mean
 * weights in [0, 1], batching does not change them, and Cancel stops the job.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedModel } from '../model/loadModel';
import { problemFromSynthetic } from '../problems/problem';
import { syntheticProblem } from '../problems/synthetic';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../../node/loadNodeModel';
import { headRoles } from './headRoles';
import { patternsTransform } from './questionPatterns';
import { HEAD_ROLES } from './roleQueries';

let model: LoadedModel;
const problems = Array.from({ length: 6 }, (_, i) => problemFromSynthetic(syntheticProblem(7, i)));

beforeAll(async () => {
  model = await loadNodeModel(BUNDLED_MODEL_DIR, { transform: patternsTransform() });
}, 60_000);

describe('head roles of the bundled model', () => {
  it('scores every head on every role, the same one problem at a time as three at a time', async () => {
    const progress: number[] = [];
    const batched = await headRoles(model, problems, { batch: 3, onProgress: (done) => progress.push(done) });
    const single = await headRoles(model, problems, { batch: 1 });
    expect(progress).toEqual([3, 6]);
    expect(batched.problems).toBe(6);
    for (const role of HEAD_ROLES) {
      expect(batched.queries[role]).toBeGreaterThan(0);
      const scores = batched.scores[role] as number[];
      expect(scores).toHaveLength(48);
      expect(scores.every((v) => v >= 0 && v <= 1)).toBe(true);
      expect(Math.max(...scores.map((v, i) => Math.abs(v - (single.scores[role][i] as number))))).toBeLessThan(1e-5);
    }
    expect(Math.max(...(batched.scores.previousToken as number[]))).toBeGreaterThan(0.1);
  }, 60_000);

  it('stops between batches when aborted', async () => {
    const controller = new AbortController();
    const job = headRoles(model, problems, { batch: 1, signal: controller.signal, onProgress: () => controller.abort(new Error('cancelled')) });
    await expect(job).rejects.toThrow('cancelled');
  }, 60_000);
});
