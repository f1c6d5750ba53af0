/** Per-problem answers, baseline and pruned. Every text cell is rendered as text, never HTML. */
import type { Problem } from '../../engine/problems/problem';
import type { EvalReport } from '../../engine/runs/evaluateProblems';
import { flipOf } from '../../engine/stats/proportion';

const mark = (ok: boolean) => (ok ? '✓' : '✗');

export function ResultsTable({ problems, baseline, pruned }: { problems: Problem[]; baseline: EvalReport; pruned?: EvalReport }) {
  return (
    <table className="results">
      <caption>Per-problem results</caption>
      <thead>
        <tr>
          <th scope="col">Problem</th>
          <th scope="col">Reference</th>
          <th scope="col">Baseline</th>
          <th scope="col">Pruned</th>
          <th scope="col">Change</th>
          <th scope="col">Tokens</th>
        </tr>
      </thead>
      <tbody>
        {baseline.results.map((b, i) => {
          const p = pruned?.results[i];
          const flip = p ? flipOf(b.correct, p.correct) : undefined;
          return (
            <tr key={b.id} className={flip ?? ''} data-testid={`result-${b.id}`}>
              <th scope="row">
                <details>
                  <summary>{b.id}</summary>
                  <p>{problems[i]?.question}</p>
                  <pre>{b.text}</pre>
                  {p && <pre>{p.text}</pre>}
                </details>
              </th>
              <td>{b.reference}</td>
              <td>
                {b.predicted ?? 'none'} {mark(b.correct)}
              </td>
              <td>{p ? `${p.predicted ?? 'none'} ${mark(p.correct)}` : '…'}</td>
              <td>{flip === 'fixed' ? 'wrong → right' : flip === 'broken' ? 'right → wrong' : flip ? 'same' : ''}</td>
              <td>
                {b.tokens}
                {p ? ` / ${p.tokens}` : ''}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
