import { describe, expect, it } from 'vitest';
import { referenceLowRank } from './referenceLowRank';
import { lowRank, svd } from './svd';

function seeded(n: number, seed: number): Float64Array {
  let s = seed;
  return Float64Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  });
}

function maxAbs(a: Float64Array, b: Float64Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

function frobenius2(a: Float64Array, b: Float64Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d += (a[i] - b[i]) ** 2;
  return d;
}

describe('svd', () => {
  for (const [rows, cols] of [[30, 12], [12, 30], [17, 17], [1, 5]] as const) {
    it(`decomposes a random [${rows}, ${cols}] matrix: full rank gives W back, V is orthonormal, σ descends`, () => {
      const w = seeded(rows * cols, rows * 100 + cols);
      const d = svd(w, rows, cols);
      expect(d.k).toBe(Math.min(rows, cols));
      expect(maxAbs(lowRank(d, d.k), w)).toBeLessThan(1e-12);
      for (let a = 0; a < d.k; a++) {
        if (a > 0) expect(d.s[a]).toBeLessThanOrEqual(d.s[a - 1]);
        for (let b = 0; b < d.k; b++) {
          let dot = 0;
          for (let i = 0; i < cols; i++) dot += d.v[i * d.k + a] * d.v[i * d.k + b];
          expect(Math.abs(dot - (a === b ? 1 : 0))).toBeLessThan(1e-12);
        }
      }
    });
  }

  it('rank r leaves exactly the discarded σ² as squared error (Eckart-Young), and matches subspace iteration', () => {
    const [rows, cols, r] = [40, 25, 6];
    const w = seeded(rows * cols, 7);
    const d = svd(w, rows, cols);
    const wr = lowRank(d, r);
    const discarded = Array.from(d.s.slice(r)).reduce((a, s) => a + s * s, 0);
    expect(Math.abs(frobenius2(w, wr) - discarded)).toBeLessThan(1e-10);
    expect(maxAbs(wr, referenceLowRank(w, rows, cols, r, 2000))).toBeLessThan(1e-8);
  });

  it('bottom r is W minus its top k - r', () => {
    const [rows, cols] = [9, 20];
    const w = seeded(rows * cols, 3);
    const d = svd(w, rows, cols);
    const bottom = lowRank(d, 3, true);
    const top = lowRank(d, d.k - 3);
    expect(maxAbs(bottom, w.map((x, i) => x - top[i]))).toBeLessThan(1e-12);
  });

  it('handles a rank-deficient matrix (zero singular values) and rank 0', () => {
    const u = seeded(8, 1);
    const v = seeded(5, 2);
    const w = Float64Array.from({ length: 40 }, (_, i) => u[Math.floor(i / 5)] * v[i % 5]);
    const d = svd(w, 8, 5);
    expect(d.s[1]).toBeLessThan(1e-12);
    expect(maxAbs(lowRank(d, 1), w)).toBeLessThan(1e-12);
    expect(Array.from(lowRank(d, 0)).every((x) => x === 0)).toBe(true);
    expect(() => lowRank(d, 6)).toThrow(/outside 0..5/);
  });
});
