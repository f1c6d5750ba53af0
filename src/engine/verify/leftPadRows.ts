/**
 * Laying rows' caches out left-padded, as a padded prompt's: each row's
 * positions end its row of the batch, and the attention mask hides what
 * sits before them. Rows decoding on from the verification pass's cache
 * are laid out this way when they start (verify/continueFromCache) and
 * whenever the batch changes (verify/continueInFlow).
 */
import type { RowKv } from './verifyRead';

/** Where one row's positions come from: `length` of them, from position `skip` on, in row `row` of a [rows, heads, seq, dim] tensor. */
export interface RowSource {
  data: RowKv;
  seq: number;
  row: number;
  skip: number;
  length: number;
}

/**
 * Writes row i of `sources` at the end of row i of a [sources, heads, width, dim] layout that starts at `at` in `out`.
 * Positions before a row's own keep whatever `out` held there.
 */
export function writeLeftPadded(out: RowKv, at: number, width: number, heads: number, dim: number, sources: RowSource[]): void {
  sources.forEach(({ data, seq, row, skip, length }, i) => {
    for (let h = 0; h < heads; h++) {
      const start = ((row * heads + h) * seq + skip) * dim;
      out.set(data.subarray(start, start + length * dim) as never, at + ((i * heads + h) * width + width - length) * dim);
    }
  });
}

/** A row's own cache tensor, [heads, seq, dim] with its first `length` positions read: as a RowSource. */
export function pastSource(data: RowKv, length: number, heads: number, dim: number): RowSource {
  return { data, seq: data.length / (heads * dim), row: 0, skip: 0, length };
}
