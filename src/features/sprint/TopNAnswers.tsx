/** The top-N answers side by side, each with one recommended head pruned (or nothing, where SPRINT placed "prune nothing"), and their vote. */
import type { PicksResult } from '../../engine/sprint/runPicks';

export function TopNAnswers({ picks, question, stale, truncated }: { picks: PicksResult; question: string; stale: boolean; truncated: string[] }) {
  return (
    <div className={stale ? 'stale' : undefined}>
      {stale && (
        <p role="status" className="warning" data-testid="top-n-stale">
          Out of date: these answers are for an earlier question (&ldquo;{question.length > 80 ? `${question.slice(0, 80)}…` : question}&rdquo;).
        </p>
      )}
      <table className="results" data-testid="top-n">
        <caption>
          Top-{picks.answers.length} answers, one pick each from SPRINT&apos;s order. Majority vote: {picks.majority ?? 'none'}
          {picks.majorityCorrect !== undefined ? ` (${picks.majorityCorrect ? 'right' : 'wrong'})` : ''}
          {picks.passAtN !== undefined ? `; pass@${picks.answers.length}: ${picks.passAtN ? 'yes' : 'no'}` : ''}
          {truncated.length ? `. Every answer ran with ${truncated.join(', ')} truncated.` : ''}
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
            <tr key={a.head ? `${a.head[0]}.${a.head[1]}` : 'none'}>
              <td>{a.head ? `layer ${a.head[0]} head ${a.head[1]}` : 'nothing pruned'}</td>
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
    </div>
  );
}
