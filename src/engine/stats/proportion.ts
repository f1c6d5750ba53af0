/** Confidence intervals for accuracies: small evaluation sets are noisy, so every accuracy shown carries one. */

/**
 * Wilson score interval for k successes out of n (95% by default). Unlike
 * the normal approximation it stays inside [0, 1] and behaves at k = 0 or n.
 */
export function wilsonInterval(k: number, n: number, z = 1.959964): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = k / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export type Flip = 'fixed' | 'broken' | 'same-right' | 'same-wrong';

/** How a problem moved between two runs: wrong to right is "fixed", right to wrong "broken". */
export function flipOf(before: boolean, after: boolean): Flip {
  if (before === after) return before ? 'same-right' : 'same-wrong';
  return after ? 'fixed' : 'broken';
}
