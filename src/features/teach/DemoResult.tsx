/**
 * The demo's answer, shown under the demo's buttons. The answer panel far
 * above also streams it, but from the demo a user could not see it there.
 */
import { extractFinalAnswer } from '../../engine/grading/extractAnswer';
import { useSolveStore } from '../../store/solveStore';

/** The latest answer, when it was to the demo's `question`; model output is rendered as text. */
export function DemoResult({ question }: { question: string }) {
  const { question: asked, status, text, prunedAtRun } = useSolveStore();
  if (status === 'idle' || asked !== question) return null;
  const pruned = prunedAtRun.length ? `with ${prunedAtRun.map(([l, h]) => `layer ${l} head ${h}`).join(', ')} pruned` : 'with nothing pruned';
  const final = status === 'done' ? extractFinalAnswer(text) : undefined;
  return (
    <div data-testid="demo-result" aria-live="polite">
      <p className="meta">
        {status === 'running' ? `Answering ${pruned}…` : `Answer ${pruned}:`}
      </p>
      <pre>{text}</pre>
      {status === 'done' && (
        <p>
          Final answer: <strong data-testid="demo-final">{final ?? 'none'}</strong>
        </p>
      )}
      {status === 'cancelled' && <p>Stopped.</p>}
    </div>
  );
}
