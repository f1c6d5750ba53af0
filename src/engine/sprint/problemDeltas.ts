/**
 * Per-problem differences between two best-of-N methods: for each held-out
 * problem, the share of each method's N answers that are right, and the
 * difference. A share, not pass@N, so a problem both methods "solve" once
 * still shows which solved it more often.
 */
import type { ComparisonReport, Method } from './compareMethods';

export interface ProblemDelta {
  problem: string;
  /** The problem's family, when the report has one for it. */
  family?: string;
  /** Share of method a's first n answers that are right, 0..1. */
  a: number;
  b: number;
  /** a - b, -1..1. */
  delta: number;
}

const share = (attempts: readonly { correct: boolean }[], n: number) => attempts.slice(0, n).filter((x) => x.correct).length / Math.min(n, attempts.length);

/** Method a against method b on each problem, over the first n answers of each. */
export function problemDeltas(report: ComparisonReport, a: Method, b: Method, n: number): ProblemDelta[] {
  return report.problems.map((problem, i) => {
    const sa = share(report.attempts[a][i], n);
    const sb = share(report.attempts[b][i], n);
    const family = report.families?.[i];
    return { problem, ...(family ? { family } : {}), a: sa, b: sb, delta: sa - sb };
  });
}
