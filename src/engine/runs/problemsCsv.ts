/**
 * A comparison's problems as CSV, one row per problem: what was asked, the
 * reference, each run's answer and whether it was right, and the flip.
 */
import type { Problem } from '../problems/problem';
import { csvText } from '../export/csvText';
import { flipOf } from '../stats/proportion';
import type { EvalReport } from './evaluateProblems';

const HEADER = 'problem_id,question,reference,unpruned_answer,unpruned_correct,pruned_answer,pruned_correct,flip';

/**
 * Per-problem CSV of a comparison: correctness as 1 or 0, an answer with no
 * final answer found as an empty cell, and the flip as fixed (wrong to
 * right), broken (right to wrong), same-right or same-wrong.
 */
export function comparisonProblemsCsv(problems: Problem[], baseline: EvalReport, pruned: EvalReport): string {
  const byId = new Map(problems.map((p) => [p.id, p]));
  const lines = [HEADER];
  baseline.results.forEach((b, i) => {
    const p = pruned.results[i];
    const problem = byId.get(b.id);
    lines.push(
      [
        csvText(b.id),
        csvText(problem?.question ?? ''),
        csvText(problem?.reference ?? b.reference ?? ''),
        csvText(b.predicted ?? ''),
        Number(b.correct),
        csvText(p.predicted ?? ''),
        Number(p.correct),
        csvText(flipOf(b.correct, p.correct)),
      ].join(','),
    );
  });
  return lines.join('\n') + '\n';
}
