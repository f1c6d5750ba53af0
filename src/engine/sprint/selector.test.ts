import { describe, expect, it } from 'vitest';
import { Rng } from '../problems/rng';
import { initSelector, layout, lossAndGrad, scoreHeads } from './selector';

const shape = { dIn: 6, hidden: 5, k: 4, nHeads: 7 };

function sample(seed: number) {
  const rng = new Rng(seed);
  const x = Float64Array.from({ length: shape.dIn }, () => rng.float() * 2 - 1);
  const raw = Float64Array.from({ length: shape.nHeads }, () => (rng.chance(0.4) ? rng.float() : 0));
  raw[0] += 0.1;
  const total = raw.reduce((a, b) => a + b, 0);
  return { x, target: raw.map((v) => v / total) };
}

describe('contrastive selector', () => {
  it('has analytic gradients that match finite differences for every parameter', () => {
    const p = initSelector(shape, 3);
    const { x, target } = sample(9);
    const grad = new Float64Array(p.data.length);
    lossAndGrad(p, x, target, 0.5, grad);
    const eps = 1e-6;
    for (let i = 0; i < p.data.length; i++) {
      const keep = p.data[i];
      p.data[i] = keep + eps;
      const up = lossAndGrad(p, x, target, 0.5);
      p.data[i] = keep - eps;
      const down = lossAndGrad(p, x, target, 0.5);
      p.data[i] = keep;
      const numeric = (up - down) / (2 * eps);
      expect(Math.abs(numeric - grad[i]), `parameter ${i}`).toBeLessThan(1e-6 + 1e-4 * Math.abs(numeric));
    }
    expect(p.data.length).toBe(layout(shape).size);
  });

  it('has sigmoid-loss gradients, with per-pair weights, that match finite differences', () => {
    const p = initSelector(shape, 4);
    const { x } = sample(2);
    const y = [1, 0, 1, 1, 0, 0.3, 1];
    const weights = [1, 3, 1, 3, 1, 1, 2];
    const opts = { loss: 'sigmoid' as const, weights };
    const grad = new Float64Array(p.data.length);
    lossAndGrad(p, x, y, 0.5, grad, opts);
    const eps = 1e-6;
    for (let i = 0; i < p.data.length; i++) {
      const keep = p.data[i];
      p.data[i] = keep + eps;
      const up = lossAndGrad(p, x, y, 0.5, undefined, opts);
      p.data[i] = keep - eps;
      const down = lossAndGrad(p, x, y, 0.5, undefined, opts);
      p.data[i] = keep;
      const numeric = (up - down) / (2 * eps);
      expect(Math.abs(numeric - grad[i]), `parameter ${i}`).toBeLessThan(1e-6 + 1e-4 * Math.abs(numeric));
    }
  });

  it('is reproducible from its seed and scores every head', () => {
    expect(initSelector(shape, 5).data).toEqual(initSelector(shape, 5).data);
    expect(initSelector(shape, 5).data).not.toEqual(initSelector(shape, 6).data);
    expect(scoreHeads(initSelector(shape, 5), sample(1).x, 0.1)).toHaveLength(shape.nHeads);
  });
});
