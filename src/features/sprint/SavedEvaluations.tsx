/**
 * The SPRINT evaluations this browser keeps for the loaded model, each
 * under what it is (selector, held-out problems, N, truncations), to
 * reopen with the numbers they finished with or to forget; and the line
 * that says which saved evaluation is on screen.
 */
import type { SprintSelector } from '../../engine/sprint/selectorFormat';
import type { SavedEvaluationEntry } from '../../store/evaluationPersistence';
import { useSprintEvalStore } from '../../store/sprintEvalStore';
import type { SelectorSource } from '../../store/sprintStore';
import { SavedList, savedWhen } from '../saved/SavedList';
import { originWords } from './selectorOrigin';

/** A selector in words for an evaluation's record: where it came from and what it was trained on. */
export function selectorWords(selector: SprintSelector, source: SelectorSource | undefined): string {
  const origin = originWords(source) ?? 'trained here';
  return `${origin}, on ${selector.trainIds.length} questions (${selector.trainedOn?.problems ?? 'problem set not recorded'})`;
}

/** The held-out problems of a saved evaluation, in words. */
function problemsWords({ report, source, truncations }: SavedEvaluationEntry): string {
  const from = source === 'sweep' ? "the sweep's held-out problems" : 'the loaded problem set';
  const truncated = truncations.length ? `; truncated ${truncations.join(', ')}` : '';
  return `${report.problems.length} from ${from} (${report.problems[0]}${report.problems.length > 1 ? ', …' : ''})${truncated}`;
}

/** Which saved evaluation is on screen, and whether it is of another selector than the one in use. */
export function ShownEvaluationNote({ shown, selectorId }: { shown: SavedEvaluationEntry; selectorId?: string }) {
  return (
    <p className="meta" data-testid="eval-shown">
      Evaluation of the selector {shown.selectorText}, on {problemsWords(shown)}, N up to {shown.maxN}; finished {savedWhen(shown.savedAt)}, kept in this browser.
      {shown.selectorId !== selectorId ? ' It evaluated another selector than the one in use.' : ''}
    </p>
  );
}

export function SavedEvaluations() {
  const { saved, shown, status, open, forget } = useSprintEvalStore();
  const running = status === 'running';
  return (
    <SavedList label="Saved evaluations" noun="evaluation" count={saved.length} columns={['Selector', 'Held-out problems', 'N', 'Finished', 'Action']}>
      {saved.map((e) => (
        <tr key={e.id}>
          <td>{e.selectorText}</td>
          <td>{problemsWords(e)}</td>
          <td>up to {e.maxN}</td>
          <td>{savedWhen(e.savedAt)}</td>
          <td>
            {e.id === shown?.id ? (
              'shown'
            ) : (
              <button type="button" disabled={running} onClick={() => open(e.id)}>
                Open
              </button>
            )}{' '}
            <button type="button" disabled={running} onClick={() => void forget(e.id)}>
              Forget
            </button>
          </td>
        </tr>
      ))}
    </SavedList>
  );
}
