/**
 * SPRINT's evaluation per problem family: n and each method's pass@1. Shown
 * only for problem sets with families (the mix generator's); a family of a
 * few problems moves by whole answers, hence the n beside each.
 */
import { METHODS, type ComparisonReport } from '../../engine/sprint/compareMethods';
import { familyBreakdown } from '../../engine/sprint/familyBreakdown';
import { METHOD_LABELS } from './BestOfNChart';

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

export function FamilyTable({ report }: { report: ComparisonReport }) {
  const rows = familyBreakdown(report);
  if (rows.length === 0) return null;
  return (
    <table className="results" data-testid="sprint-family-table">
      <caption>pass@1 per problem family (first answer right), on {report.problems.length} held-out problems</caption>
      <thead>
        <tr>
          <th scope="col">Family</th>
          <th scope="col">n</th>
          {METHODS.map((m) => (
            <th key={m} scope="col">
              {METHOD_LABELS[m]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.family}>
            <th scope="row">{r.family}</th>
            <td>{r.n}</td>
            {METHODS.map((m) => (
              <td key={m}>{pct(r.passAt1[m])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
