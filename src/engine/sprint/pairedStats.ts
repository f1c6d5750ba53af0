/**
 * Paired comparisons of two methods on the same questions. Two marginal
 * intervals that overlap prove nothing about the difference; these
 * resample the questions once for both methods, so a question both get right
 * (or both wrong) adds no noise.
 */
import { mulberry32 } from '../problems/rng';
import type { Estimate } from './bestOfN';

/** Mean of a[i] - b[i] (each 0/1) with a percentile bootstrap 95% interval over questions (seeded). */
export function pairedBootstrap(a: readonly boolean[], b: readonly boolean[], { resamples = 2000, seed = 0 } = {}): Estimate {
  const n = a.length;
  if (n === 0 || b.length !== n) return { mean: NaN, low: NaN, high: NaN };
  const d = a.map((v, i) => Number(v) - Number(b[i]));
  const random = mulberry32(seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += d[Math.floor(random() * n)];
    means[r] = s / n;
  }
  means.sort();
  return { mean: d.reduce((s, v) => s + v, 0) / n, low: means[Math.floor(0.025 * resamples)], high: means[Math.ceil(0.975 * resamples) - 1] };
}

export interface McNemar {
  /** Questions a got right and b wrong. */
  aOnly: number;
  /** Questions b got right and a wrong. */
  bOnly: number;
  /** Exact two-sided p-value (binomial on the discordant questions); 1 when there are none. */
  p: number;
}

function logChoose(n: number, k: number): number {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log(n - k + i) - Math.log(i);
  return s;
}

/** Exact McNemar test of a against b on the same questions. */
export function mcnemar(a: readonly boolean[], b: readonly boolean[]): McNemar {
  let aOnly = 0;
  let bOnly = 0;
  a.forEach((v, i) => {
    if (v && !b[i]) aOnly++;
    if (!v && b[i]) bOnly++;
  });
  const m = aOnly + bOnly;
  let tail = 0;
  for (let k = 0; k <= Math.min(aOnly, bOnly); k++) tail += Math.exp(logChoose(m, k) - m * Math.LN2);
  return { aOnly, bOnly, p: m === 0 ? 1 : Math.min(1, 2 * tail) };
}
