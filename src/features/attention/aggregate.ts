/**
 * Groups of consecutive tokens as one cell, for long sequences: a group
 * row is the mean of its tokens' rows and a group column the sum of its
 * keys, so each group row still sums to 1 and reads as "from these tokens,
 * how much weight lands on those".
 */

export interface Grouped {
  /** [m, m] with m = ceil(n / size). */
  values: Float32Array;
  m: number;
  /** One label per group: its tokens joined. */
  labels: string[];
  /** The token range [start, end) of each group. */
  ranges: [number, number][];
}

/**
 * @param values [n, n] row-major weights (or differences)
 * @param size tokens per group; 1 returns the input unchanged
 */
export function groupTokens(values: Float32Array, n: number, labels: string[], size: number): Grouped {
  const ranges: [number, number][] = [];
  for (let s = 0; s < n; s += size) ranges.push([s, Math.min(n, s + size)]);
  const m = ranges.length;
  if (size <= 1) return { values, m, labels, ranges };
  const out = new Float32Array(m * m);
  ranges.forEach(([q0, q1], Q) => {
    for (let q = q0; q < q1; q++) {
      for (let k = 0; k < n; k++) out[Q * m + Math.floor(k / size)] += values[q * n + k] / (q1 - q0);
    }
  });
  return { values: out, m, labels: ranges.map(([a, b]) => labels.slice(a, b).join('')), ranges };
}
