/**
 * The loaded problems and, once run, their answers baseline and pruned.
 * Every text cell is rendered as text, never HTML.
 */
import type { Problem } from '../../engine/problems/problem';
import type { EvalReport, EvalResult } from '../../engine/runs/evaluateProblems';
import { flipOf } from '../../engine/stats/proportion';

const answer = (r?: EvalResult) => (r ? `${r.predicted ?? 'none'} ${r.correct ? '✓' : '✗'}` : '–');

interface Props {
  problems: Problem[];
  baseline?: EvalReport;
  pruned?: EvalReport;
  running: boolean;
}

export function ResultsTable({ problems, baseline, pruned, running }: Props) {
  return (
    <table className="results">
      <caption>Problems{baseline ? ' and results' : ''}</caption>
      <thead>
        <tr>
          <th scope="col">Problem</th>
          <th scope="col">Reference</th>
          <th scope="col">Baseline</th>
          <th scope="col">Pruned</th>
          <th scope="col">Change</th>
          <th scope="col">Tokens</th>
          <th scope="col" title="Wall time of the problem's batch divided by its size">Time (s)</th>
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
                  {b && <pre>{b.text}</pre>}
                  {p && <pre>{p.text}</pre>}
                </details>
              </th>
              <td>{problem.reference || '(none)'}</td>
              <td>{b ? answer(b) : status}</td>
              <td>{p ? answer(p) : b ? status : ''}</td>
              <td>{flip === 'fixed' ? 'wrong → right' : flip === 'broken' ? 'right → wrong' : flip ? 'same' : ''}</td>
              <td>{b ? `${b.tokens}${p ? ` / ${p.tokens}` : ''}` : ''}</td>
              <td>{b ? `${b.seconds.toFixed(2)}${p ? ` / ${p.seconds.toFixed(2)}` : ''}` : ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
