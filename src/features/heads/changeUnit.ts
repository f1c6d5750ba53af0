/**
 * One unit for a sweep's per-head change everywhere it is shown (grid
 * tooltips, legend, ranked table, exports): percentage points of accuracy in
 * generate mode, nats of the reference's log-probability in log-prob mode.
 */
import type { SweepSummary } from '../../engine/sweep/sweepMetrics';

export type ChangeUnit = SweepSummary['unit'];

/** The unit's name in words, for captions. */
export function unitName(unit: ChangeUnit): string {
  return unit === 'accuracy' ? 'accuracy, in percentage points' : 'log-probability of the reference, in nats';
}

/** A change with its sign and unit: "+10.0 pts" or "-1.234 nats"; "–" when there is none yet. */
export function formatChange(delta: number, unit: ChangeUnit): string {
  if (!Number.isFinite(delta)) return '–';
  const sign = delta < 0 ? '-' : '+';
  const size = Math.abs(delta);
  return unit === 'accuracy' ? `${sign}${(100 * size).toFixed(1)} pts` : `${sign}${size.toFixed(3)} nats`;
}

/** The unpruned baseline in the same terms: "70.0% right" or "−12.345 nats (mean log-prob)". */
export function formatBaseline(summary: SweepSummary): string {
  if (!Number.isFinite(summary.baselineMean)) return '–';
  return summary.unit === 'accuracy'
    ? `${(100 * summary.baselineMean).toFixed(1)}% right`
    : `${summary.baselineMean.toFixed(3)} nats mean log-probability of the reference`;
}
