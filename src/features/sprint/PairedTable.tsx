/**
 * SPRINT minus each baseline on the same held-out questions: pass@N
 * differences with paired bootstrap 95% intervals, and McNemar's exact test
 * at N = 1. An interval that excludes 0 is a difference the data supports;
 * overlapping per-method intervals say nothing either way.
 */
import type { ComparisonReport } from '../../engine/sprint/compareMethods';
import { METHOD_LABELS } from './BestOfNChart';

const points = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(1)}`;

export function PairedTable({ report, shown }: { report: ComparisonReport; shown: number[] }) {
  return (
    <table className="results" data-testid="sprint-paired-table">
      <caption>
        SPRINT minus each baseline, pass@N in percentage points, paired bootstrap 95% interval over the same {report.problems.length} problems; McNemar&apos;s
        exact test at N = 1 (questions only one of the two got right)
      </caption>
      <thead>
        <tr>
          <th scope="col">Against</th>
          {shown.map((n) => (
            <th key={n} scope="col">N = {n}</th>
          ))}
          <th scope="col">McNemar, N = 1</th>
        </tr>
      </thead>
      <tbody>
        {report.paired.map((c) => (
          <tr key={c.against}>
            <th scope="row">{METHOD_LABELS[c.against]}</th>
            {shown.map((n) => {
              const d = c.points.find((p) => p.n === n)!.diff;
              const verdict = d.low > 0 ? 'SPRINT better' : d.high < 0 ? 'SPRINT worse' : 'no clear difference';
              return (
                <td key={n} title={verdict}>
                  {points(d.mean)} ({points(d.low)} to {points(d.high)}){d.low > 0 ? ' ▲' : d.high < 0 ? ' ▼' : ''}
                </td>
              );
            })}
            <td>
              SPRINT alone right {c.mcnemarAt1.aOnly}, {c.against} alone {c.mcnemarAt1.bOnly}; p = {c.mcnemarAt1.p.toPrecision(2)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
