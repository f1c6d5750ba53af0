/**
 * SPRINT's evaluation split by problem family: per family, how many
 * held-out problems it had and each method's pass@1 on them, so a method
 * that helps one kind of question and hurts another shows it. With a few
 * problems per family these are rough; the table says n for that reason.
 */
import { passAtN } from './bestOfN';
import { METHODS, type ComparisonReport, type Method } from './compareMethods';

/** What a problem without a family is grouped under, when a report mixes both. */
export const NO_FAMILY = '(none)';

export interface FamilyRow {
  family: string;
  /** Problems of this family. */
  n: number;
  /** Share of them whose first answer is right, per method, 0..1. */
  passAt1: Record<Method, number>;
}

/** One row per family in order of first appearance; empty when the report has no families. */
export function familyBreakdown(report: ComparisonReport): FamilyRow[] {
  if (!report.families) return [];
  const rows = new Map<string, number[]>();
  report.families.forEach((f, i) => {
    const family = f ?? NO_FAMILY;
    rows.set(family, [...(rows.get(family) ?? []), i]);
  });
  return [...rows].map(([family, indices]) => {
    const share = (m: Method) => indices.filter((i) => passAtN(report.attempts[m][i], 1)).length / indices.length;
    return { family, n: indices.length, passAt1: Object.fromEntries(METHODS.map((m) => [m, share(m)])) as Record<Method, number> };
  });
}
