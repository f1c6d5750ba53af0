/**
 * SPRINT: train the contrastive head selector on the current sweep, watch
 * its loss, and rank which single head to prune for the question above.
 */
import { useState } from 'react';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import { useHeadsStore } from '../../store/headsStore';
import { useSolveStore } from '../../store/solveStore';
import { useSprintStore } from '../../store/sprintStore';
import { useSweepStore } from '../../store/sweepStore';

export function SprintPanel() {
  const file = useSweepStore((s) => s.file);
  const sweepDone = useSweepStore((s) => s.status === 'done');
  const question = useSolveStore((s) => s.question);
  const setPruned = useHeadsStore((s) => s.setPruned);
  const { selector, status, error, losses, ranked, heldOut, picks, train, rank, runTopN } = useSprintStore();
  const [n, setN] = useState(4);
  const [reference, setReference] = useState('');
  const busy = status === 'training' || status === 'ranking';

  return (
    <section className="panel" aria-labelledby="sprint-heading">
      <h2 id="sprint-heading">SPRINT head selector</h2>
      <p className="meta">
        A small network learns, from the finished sweep, which single head to prune for a question (arXiv 2506.03978). It trains on the first
        80% of the sweep&apos;s problems; the rest stay held out. Questions are embedded with the model&apos;s own mean final hidden state.
      </p>
      <div className="buttons">
        <button type="button" disabled={!file || !sweepDone || busy} onClick={() => file && void train(file)}>
          Train selector on the sweep
        </button>
        <button type="button" disabled={!selector || busy || !question.trim()} onClick={() => void rank(question)}>
          Rank heads for the question
        </button>
      </div>
      {status === 'training' && <p role="status">Training… epoch {losses.length}</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {losses.length > 1 && (
        <figure className="chart" aria-label="Selector training loss by epoch">
          <LineChart width={320} height={160} data={losses.map((loss, epoch) => ({ epoch, loss }))}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="epoch" />
            <YAxis width={40} />
            <Line dataKey="loss" stroke="#2166ac" dot={false} isAnimationActive={false} />
          </LineChart>
          <figcaption data-testid="sprint-loss">
            loss {losses[0].toFixed(3)} → {losses.at(-1)!.toFixed(3)}
            {selector ? `; trained on ${selector.trainIds.length} questions, ${heldOut} held out` : ''}
          </figcaption>
        </figure>
      )}
      {ranked && (
        <div className="buttons">
          <label>
            N <input type="number" min={1} max={16} value={n} onChange={(e) => setN(Math.min(16, Math.max(1, Number(e.target.value) || 1)))} />
          </label>
          <label>
            Reference answer (optional) <input type="text" value={reference} onChange={(e) => setReference(e.target.value)} size={8} />
          </label>
          <button type="button" disabled={busy} onClick={() => void runTopN(question, n, reference)}>
            Run top-N
          </button>
        </div>
      )}
      {picks && (
        <table className="results" data-testid="top-n">
          <caption>
            Top-{picks.answers.length} answers, one recommended head pruned each. Majority vote: {picks.majority ?? 'none'}
            {picks.majorityCorrect !== undefined ? ` (${picks.majorityCorrect ? 'right' : 'wrong'})` : ''}
            {picks.passAtN !== undefined ? `; pass@${picks.answers.length}: ${picks.passAtN ? 'yes' : 'no'}` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Pruned head</th>
              <th scope="col">Answer</th>
              <th scope="col">Text</th>
            </tr>
          </thead>
          <tbody>
            {picks.answers.map((a) => (
              <tr key={`${a.head[0]}.${a.head[1]}`}>
                <td>
                  layer {a.head[0]} head {a.head[1]}
                </td>
                <td>
                  {a.answer ?? 'none'}
                  {a.correct === undefined ? '' : a.correct ? ' ✓' : ' ✗'}
                </td>
                <td>
                  <pre>{a.text}</pre>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ranked && (
        <ol className="ranked" aria-label="Heads ranked by SPRINT for the question">
          {ranked.slice(0, 8).map((h) => (
            <li key={`${h.layer}.${h.head}`}>
              layer {h.layer} head {h.head}: score {h.score.toFixed(2)}{' '}
              <button type="button" onClick={() => setPruned([[h.layer, h.head]])}>
                Prune only this head
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
