import { describe, expect, it } from 'vitest';
import { bestOfNCurve, bootstrapMean, majorityAtN, passAtN, type Attempt } from './bestOfN';

const a = (answer: string | null, correct: boolean): Attempt => ({ answer, correct });

describe('best-of-N metrics', () => {
  const attempts = [a('3', false), a('5', true), a('3', false), a(null, false), a('5', true), a('5', true)];

  it('pass@N is right once any of the first N is', () => {
    expect(passAtN(attempts, 1)).toBe(false);
    expect(passAtN(attempts, 2)).toBe(true);
  });

  it('majority vote takes the commonest answer, ties to the first seen, ignoring no-answers', () => {
    expect(majorityAtN(attempts, 3)).toBe(false);
    expect(majorityAtN(attempts, 2)).toBe(false);
    expect(majorityAtN(attempts, 6)).toBe(true);
    expect(majorityAtN([a(null, false), a(null, false)], 2)).toBe(false);
  });

  it('bootstraps an interval around the mean, reproducibly', () => {
    const outcomes = Array.from({ length: 100 }, (_, i) => i % 4 !== 0);
    const e = bootstrapMean(outcomes, { seed: 1 });
    expect(e.mean).toBe(0.75);
    expect(e.low).toBeGreaterThan(0.62);
    expect(e.low).toBeLessThan(0.7);
    expect(e.high).toBeGreaterThan(0.8);
    expect(e.high).toBeLessThan(0.88);
    expect(bootstrapMean(outcomes, { seed: 1 })).toEqual(e);
  });

  it('traces pass@N and majority over N', () => {
    const curve = bestOfNCurve([attempts, [a('1', true)]], [1, 2]);
    expect(curve.map((c) => [c.n, c.passAtN.mean, c.majority.mean])).toEqual([[1, 0.5, 0.5], [2, 1, 0.5]]);
  });
});
