/**
 * The sweeps this browser holds for the loaded model, each under what it
 * is (problems, mode, settings), so one set's sweep never replaces
 * another's and any of them can be reopened.
 */
import { sweepProgress, useSweepStore } from '../../store/sweepStore';
import { sweepIdentity } from '../../store/sweepIdentity';
import { SavedList, savedWhen } from '../saved/SavedList';

export function SavedSweeps() {
  const { saved, file, status, open } = useSweepStore();
  const shown = file && sweepIdentity(file);
  return (
    <SavedList label="Saved sweeps" noun="sweep" count={saved.length} columns={['Problems', 'Mode', 'Cells', 'Saved', 'Action']}>
      {saved.map((e) => {
        const { done, total } = sweepProgress(e.file);
        const first = e.file.problems[0]?.id ?? '';
        return (
          <tr key={e.id}>
            <td>
              {e.file.problems.length} ({first}
              {e.file.problems.length > 1 ? ', …' : ''})
            </td>
            <td>{e.file.mode}</td>
            <td>
              {done} of {total}
            </td>
            <td>{savedWhen(e.savedAt)}</td>
            <td>
              {e.id === shown ? (
                'shown'
              ) : (
                <button type="button" disabled={status === 'running'} onClick={() => open(e.id)}>
                  Open
                </button>
              )}
            </td>
          </tr>
        );
      })}
    </SavedList>
  );
}
