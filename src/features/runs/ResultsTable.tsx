/**
 * The loaded problems and, once run, their answers baseline and pruned.
 * Every text cell is rendered as text, never HTML.
 */
import type { Problem } from '../../engine/problems/problem';
import type { EvalReport, EvalResult } from '../../engine/runs/evaluateProblems';
import { flipOf } from '../../engine/stats/proportion';

const answer = (r?: EvalResult) => (r ? `${r.predicted ?? 'none'} ${r.correct ? '✓' : '✗'}` : '–');

/** The problems of `batch` in a report: how many, and their batch's wall time. */
function batchOf(report: EvalReport, batch: number): { size: number; seconds: number } {
  const rows = report.results.filter((r) => r.batch === batch);
  return { size: rows.length, seconds: rows.reduce((t, r) => t + r.seconds, 0) };
}

/**
 * One cell per batch, spanning its rows: a batch's problems are generated
 * together, so the batch's wall time is the only honest time there is.
 */
function BatchTime({ baseline, pruned, index }: { baseline?: EvalReport; pruned?: EvalReport; index: number }) {
  const b = baseline?.results[index];
  if (!baseline || !b) return <td />;
  if (index > 0 && baseline.results[index - 1].batch === b.batch) return null;
  const base = batchOf(baseline, b.batch);
  const after = pruned?.results[index] ? batchOf(pruned, b.batch) : undefined;
  return (
    <td rowSpan={base.size} className="batch-time" data-testid="batch-time">
      {base.seconds.toFixed(2)}
      {after ? ` / ${after.seconds.toFixed(2)}` : ''} for {base.size === 1 ? 'this problem' : `these ${base.size}`}
    </td>
  );
}

interface Props {
  problems: Problem[];
  baseline?: EvalReport;
  pruned?: EvalReport;
  running: boolean;
}

export function ResultsTable({ problems, baseline, pruned, running }: Props) {
  // Only generated mixed-family sets have families; other sets keep the table they had.
  const families = problems.some((p) => p.family);
  return (
    <table className="results">
      <caption>Problems{baseline ? ' and results' : ''}</caption>
      <thead>
        <tr>
          <th scope="col">Problem</th>
          {families && <th scope="col">Family</th>}
          <th scope="col">Reference</th>
          <th scope="col">Baseline</th>
          <th scope="col">Pruned</th>
          <th scope="col">Change</th>
          <th scope="col">Tokens</th>
          <th scope="col" title="Problems are generated in batches; a batch's problems decode together, so the time is the batch's, baseline / pruned">
            Batch time (s)
          </th>
        </tr>
      </thead>
      <tbody>
        {problems.map((problem, i) => {
          const b = baseline?.results[i];
          const p = pruned?.results[i];
          const flip = b && p ? flipOf(b.correct, p.correct) : undefined;
          const status = !b ? (running ? 'running…' : 'not run') : !p ? (running ? 'running…' : '–') : '';
          return (
            <tr key={problem.id} className={flip ?? ''} data-testid={`result-${problem.id}`}>
              <th scope="row">
                <details>
                  <summary>{problem.id}</summary>
                  <p>{problem.question}</p>
                  {b && (
                    <dl className="answers">
                      <dt>unpruned</dt>
                      <dd>
                        <pre>{b.text}</pre>
                      </dd>
                      {p && (
                        <>
                          <dt>pruned</dt>
                          <dd>
                            <pre>{p.text}</pre>
                          </dd>
                        </>
                      )}
                    </dl>
                  )}
                </details>
              </th>
              {families && <td>{problem.family ?? ''}</td>}
              <td>{problem.reference || '(none)'}</td>
              <td>{b ? answer(b) : status}</td>
              <td>{p ? answer(p) : b ? status : ''}</td>
              <td>{flip === 'fixed' ? 'wrong → right' : flip === 'broken' ? 'right → wrong' : flip ? 'same' : ''}</td>
              <td>{b ? `${b.tokens}${p ? ` / ${p.tokens}` : ''}` : ''}</td>
              <BatchTime baseline={baseline} pruned={pruned} index={i} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
