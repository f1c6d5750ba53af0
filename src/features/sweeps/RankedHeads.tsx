/** The sweep's unpruned baseline, and its heads ranked by change, with a CSV export of the whole ranking. */
import type { SweepFile } from '../../engine/sweep/sweepSchema';
import type { SweepSummary } from '../../engine/sweep/sweepMetrics';
import { formatBaseline, formatChange, unitName } from '../heads/changeUnit';
import { downloadText } from '../export/downloadText';
import { rankedHeadsCsv, rankHeads } from './rankedCsv';

/** The unpruned baseline line, the top and bottom five heads, and the whole ranking's CSV export. */
export function RankedHeads({ file, summary }: { file: SweepFile; summary: SweepSummary }) {
  const ranked = rankHeads(summary);
  const baseConfig = file.configs.findIndex((c) => c.length === 0);
  const baseProblems = file.cells.filter((c) => c.config === baseConfig).length;
  return (
    <>
      {baseProblems > 0 && (
        <p data-testid="sweep-baseline">
          Unpruned: <strong>{formatBaseline(summary)}</strong> over {baseProblems} problem{baseProblems > 1 ? 's' : ''}. Changes below are from this.
        </p>
      )}
      {ranked.length > 0 && (
        <>
          <div className="table-scroll">
            <table className="results" data-testid="ranked-heads">
              <caption>
                Heads ranked by change in {unitName(summary.unit)}, when pruned alone (top 5 and bottom 5)
              </caption>
              <thead>
                <tr>
                  <th scope="col">Head</th>
                  <th scope="col">Change ({summary.unit === 'accuracy' ? 'pts' : 'nats'})</th>
                  <th scope="col">Problems</th>
                </tr>
              </thead>
              <tbody>
                {[...ranked.slice(0, 5), ...ranked.slice(Math.max(5, ranked.length - 5))].map((h) => (
                  <tr key={`${h.layer}.${h.head}`}>
                    <td>
                      layer {h.layer} head {h.head}
                    </td>
                    <td>{formatChange(h.delta, summary.unit)}</td>
                    <td>{h.n}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="button" onClick={() => downloadText('headlab-ranked-heads.csv', rankedHeadsCsv(summary), 'text/csv')}>
            Export ranked heads as CSV
          </button>
        </>
      )}
    </>
  );
}
