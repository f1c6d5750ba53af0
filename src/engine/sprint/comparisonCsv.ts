/**
 * SPRINT's evaluation as CSV, one row per held-out problem: its id and
 * family (empty when it has none), then per method whether the first answer
 * was right and how many of its N answers were.
 */
import { METHODS, type ComparisonReport } from './compareMethods';
import { csvText } from '../export/csvText';

/** Per-problem CSV of a comparison report; N is each method's answer count for that problem. */
export function comparisonToCsv(report: ComparisonReport): string {
  const header = ['problem_id', 'family', 'n', ...METHODS.flatMap((m) => [`${m}_first_right`, `${m}_right`])];
  const lines = [header.join(',')];
  report.problems.forEach((id, i) => {
    const cells = METHODS.flatMap((m) => {
      const answers = report.attempts[m][i];
      return [Number(answers[0]?.correct ?? false), answers.filter((a) => a.correct).length];
    });
    lines.push([csvText(id), csvText(report.families?.[i] ?? ''), report.attempts.sprint[i].length, ...cells].join(','));
  });
  return lines.join('\n') + '\n';
}
