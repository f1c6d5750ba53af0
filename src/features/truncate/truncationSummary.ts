/**
 * A truncation sweep's cells as accuracy per truncation: the change
 * against the baseline for the heatmap, and accuracy by kept fraction per
 * layer for the accuracy-vs-rank chart.
 */
import type { SweepFile } from '../../engine/sweep/sweepSchema';
import { parseTruncation, type MatrixKind } from '../../engine/truncate/truncationSpec';

export interface TruncationCell {
  layer: number;
  matrix: MatrixKind;
  fraction: number;
  accuracy: number;
  n: number;
}

/** Accuracy of each single-truncation configuration and of the baseline (the configuration with none). */
export function summarizeTruncationSweep(file: SweepFile): { baseline?: number; cells: TruncationCell[] } {
  const right = new Map<number, { correct: number; n: number }>();
  for (const c of file.cells) {
    const r = right.get(c.config) ?? { correct: 0, n: 0 };
    r.n++;
    if (c.correct) r.correct++;
    right.set(c.config, r);
  }
  let baseline: number | undefined;
  const cells: TruncationCell[] = [];
  (file.truncations ?? []).forEach((list, config) => {
    const r = right.get(config);
    if (!r) return;
    if (list.length === 0) baseline = r.correct / r.n;
    if (list.length !== 1) return;
    const t = parseTruncation(list[0]);
    if (!('fraction' in t.keep)) return;
    cells.push({ layer: t.layer, matrix: t.matrix, fraction: t.keep.fraction, accuracy: r.correct / r.n, n: r.n });
  });
  return { baseline, cells };
}
