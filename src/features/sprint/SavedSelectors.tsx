/**
 * The SPRINT selectors this browser keeps for the loaded model, each under
 * what it was trained on, so training on another problem set never
 * replaces one and any of them can be used again or forgotten.
 */
import { useSprintStore } from '../../store/sprintStore';
import type { SavedSelectorEntry } from '../../store/selectorPersistence';
import { SavedList, savedWhen } from '../saved/SavedList';
import { originWords } from './selectorOrigin';

/** What a saved selector was trained on, in words: its questions, their problem set, and the sweep when it was trained here. */
export function savedTrainedOnText({ selector, sweep }: SavedSelectorEntry): string {
  const set = selector.trainedOn?.problems ?? 'problem set not recorded';
  const from = sweep ? `; from a ${sweep.problems}-problem ${sweep.mode} sweep${sweep.truncations.length ? `, truncated ${sweep.truncations.join(', ')}` : ''}` : '';
  return `${selector.trainIds.length} questions (${set})${from}`;
}

/** Where a saved selector came from, in words. */
function sourceText({ source }: SavedSelectorEntry): string {
  return originWords(source) ?? 'saved earlier';
}

export function SavedSelectors({ disabled }: { disabled: boolean }) {
  const { saved, selectorId, use, forget } = useSprintStore();
  return (
    <SavedList label="Saved selectors" noun="selector" count={saved.length} columns={['Trained on', 'Source', 'Settings', 'Saved', 'Action']}>
      {saved.map((e) => (
        <tr key={e.id}>
          <td>{savedTrainedOnText(e)}</td>
          <td>{sourceText(e)}</td>
          <td>
            temperature {e.selector.temperature}, k {e.selector.shape.k}, seed {e.selector.seed}, {e.selector.losses.length} epochs
          </td>
          <td>{savedWhen(e.savedAt)}</td>
          <td>
            {e.id === selectorId ? (
              'in use'
            ) : (
              <button type="button" disabled={disabled} onClick={() => void use(e.id)}>
                Use
              </button>
            )}{' '}
            <button type="button" disabled={disabled} onClick={() => void forget(e.id)}>
              Forget
            </button>
          </td>
        </tr>
      ))}
    </SavedList>
  );
}
