import { describe, expect, it } from 'vitest';
import { Rng } from '../problems/rng';
import { scoreHeads } from './selector';
import { trainSelector, type TrainingSet } from './trainSelector';

/** Questions from 3 clusters; in cluster c, pruning head 2c (of 8) solves the question. */
function clusters(n: number, seed: number): TrainingSet & { cluster: number[] } {
  const rng = new Rng(seed);
  const dIn = 10;
  const x = new Float32Array(n * dIn);
  const targets = new Float32Array(n * 8);
  const cluster: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    cluster.push(c);
    for (let d = 0; d < dIn; d++) x[i * dIn + d] = (d === c ? 2 : 0) + (rng.float() - 0.5) * 0.8;
    targets[i * 8 + 2 * c] = 1;
  }
  return { x, targets, n, cluster };
}

const options = { hidden: 16, k: 8, temperature: 0.2, epochs: 40, batch: 16, learningRate: 1e-2, weightDecay: 0, seed: 1 };

describe('trainSelector', () => {
  it('learns which head to prune for unseen questions, and its loss falls', () => {
    const { params, losses } = trainSelector(clusters(90, 1), 8, options);
    expect(losses.at(-1)!).toBeLessThan(losses[0] * 0.2);
    const test = clusters(30, 2);
    for (let i = 0; i < test.n; i++) {
      const scores = scoreHeads(params, test.x.subarray(i * 10, (i + 1) * 10), options.temperature);
      expect(scores.indexOf(Math.max(...scores))).toBe(2 * test.cluster[i]);
    }
  });

  it('gives the same selector for the same data and seed', () => {
    const a = trainSelector(clusters(30, 1), 8, { ...options, epochs: 5 });
    const b = trainSelector(clusters(30, 1), 8, { ...options, epochs: 5 });
    expect(a.params.data).toEqual(b.params.data);
    expect(a.losses).toEqual(b.losses);
  });
});
