/** The sweep's heads ranked by change, as CSV, in the unit the ranked table shows. */
import type { HeadMetric, SweepSummary } from '../../engine/sweep/sweepMetrics';

/** Heads with data, most helpful to prune first. */
export function rankHeads(summary: SweepSummary): HeadMetric[] {
  return summary.heads.filter((h) => h.n > 0).sort((a, b) => b.delta - a.delta);
}

/**
 * One row per swept head: rank, layer, head, change (percentage points of
 * accuracy or nats of log-probability, named in the header) and problems.
 */
export function rankedHeadsCsv(summary: SweepSummary): string {
  const accuracy = summary.unit === 'accuracy';
  const lines = [`rank,layer,head,${accuracy ? 'change_accuracy_pts' : 'change_logprob_nats'},problems`];
  rankHeads(summary).forEach((h, i) => {
    const change = accuracy ? (100 * h.delta).toFixed(1) : h.delta.toFixed(3);
    lines.push([i + 1, h.layer, h.head, change, h.n].join(','));
  });
  return lines.join('\n') + '\n';
}
