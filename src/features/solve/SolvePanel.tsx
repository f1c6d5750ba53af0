/** Ask the model one question and watch the answer stream in. Output is text, never HTML. */
import { useCanStart } from '../../store/busy';
import { BusyNote } from '../busy/BusyNote';
import { useSolveStore } from '../../store/solveStore';
import { extractFinalAnswer } from '../../engine/grading/extractAnswer';
import { syntheticProblem } from '../../engine/problems/synthetic';
import { EveryHeadControls } from './EveryHeadControls';
import { interventionsText } from '../model/interventions';

const MAX_NEW_TOKENS = 64;

export function SolvePanel() {
  const ready = useCanStart();
  const { question, status, text, tokenCount, tokensPerSecond, error, prunedAtRun, truncatedAtRun, setQuestion, solve, stop } = useSolveStore();
  const running = status === 'running';
  const answer = status === 'done' ? extractFinalAnswer(text) : undefined;

  return (
    <section className="panel" aria-labelledby="solve-heading">
      <h2 id="solve-heading">Ask a question</h2>
      <label htmlFor="question">Question</label>
      <textarea id="question" rows={4} value={question} onChange={(e) => setQuestion(e.target.value)} />
      <div className="buttons">
        <button type="button" onClick={() => setQuestion(syntheticProblem(Date.now() >>> 0, 0).question)}>
          Random problem
        </button>
        <button type="button" disabled={!ready || running} onClick={() => void solve(MAX_NEW_TOKENS)}>
          Solve
        </button>
        <button type="button" disabled={!running} onClick={stop}>
          Stop
        </button>
      </div>
      <BusyNote own="the answer being generated" />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <h3>Answer</h3>
      <pre data-testid="answer-text" aria-live="polite">
        {text}
      </pre>
      <p className="meta" data-testid="answer-status">
        {status === 'done' && <>Final answer: <strong data-testid="final-answer">{answer ?? 'none'}</strong>. </>}
        {status === 'cancelled' && 'Stopped. '}
        {tokenCount > 0 && `${tokenCount} tokens, ${tokensPerSecond.toFixed(1)} tokens/s. `}
        {status !== 'idle' && (
          <span data-testid="pruned-at-run" className={truncatedAtRun.length ? 'warning' : undefined}>
            {interventionsText(prunedAtRun, truncatedAtRun)}
          </span>
        )}
      </p>
      <EveryHeadControls question={question} maxNewTokens={MAX_NEW_TOKENS} />
    </section>
  );
}
