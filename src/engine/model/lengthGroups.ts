/**
 * Rows of equal length, run apart: for sessions that cannot take a
 * left-padded batch (fused GroupQueryAttention, see
 * DecoderSession.paddedBatches), a batch of mixed lengths runs as one batch
 * per length, and the results go back in the rows' order.
 */

/** Row indices grouped by equal length, groups in order of first appearance. */
export function groupByLength(lengths: number[]): number[][] {
  const groups = new Map<number, number[]>();
  lengths.forEach((n, row) => {
    const group = groups.get(n);
    if (group) group.push(row);
    else groups.set(n, [row]);
  });
  return [...groups.values()];
}

/**
 * Runs `run` once per group of equal-length rows, one group after another
 * (one session must not run twice at once).
 * @param run gets the group's row indices; returns one result per row, in that order
 * @returns [rows] results in the original row order
 */
export async function runByLength<T>(lengths: number[], run: (rows: number[]) => Promise<ArrayLike<T>>): Promise<T[]> {
  const out = new Array<T>(lengths.length);
  for (const rows of groupByLength(lengths)) {
    const results = await run(rows);
    rows.forEach((row, i) => (out[row] = results[i]));
  }
  return out;
}

/** Rows `rows` of a row-major [batch, width] array, in that order. */
export function rowsOf<T extends BigInt64Array | Float32Array | Uint16Array>(values: T, rows: number[], width: number): T {
  const out = new (values.constructor as new (n: number) => T)(rows.length * width);
  rows.forEach((r, i) => out.set(values.subarray(r * width, (r + 1) * width) as never, i * width));
  return out;
}
