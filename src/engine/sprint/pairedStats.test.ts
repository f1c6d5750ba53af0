import { describe, expect, it } from 'vitest';
import { mcnemar, pairedBootstrap } from './pairedStats';

describe('paired statistics', () => {
  it('gives a zero-width interval at 0 when both methods agree on every question', () => {
    const a = [true, false, true, true, false];
    expect(pairedBootstrap(a, a)).toEqual({ mean: 0, low: 0, high: 0 });
  });

  it('puts a consistent gain above 0 even where the marginal rates are close to each other', () => {
    // 200 questions: a right on 20 that b misses, b right on 2 that a misses, both right on 100.
    const a = Array.from({ length: 200 }, (_, i) => i < 120);
    const b = Array.from({ length: 200 }, (_, i) => (i >= 20 && i < 120) || i === 150 || i === 151);
    const d = pairedBootstrap(a, b, { seed: 1 });
    expect(d.mean).toBeCloseTo(0.09, 10);
    expect(d.low).toBeGreaterThan(0);
    expect(d.high).toBeLessThan(0.2);
  });

  it('computes the exact McNemar p-value from the discordant questions', () => {
    // 8 discordant, 7 to 1: p = 2 * (1 + 8) / 256.
    const a = [true, true, true, true, true, true, true, false, true];
    const b = [false, false, false, false, false, false, false, true, true];
    const m = mcnemar(a, b);
    expect(m).toMatchObject({ aOnly: 7, bOnly: 1 });
    expect(m.p).toBeCloseTo(18 / 256, 12);
    expect(mcnemar([true, false], [true, false]).p).toBe(1);
  });
});
