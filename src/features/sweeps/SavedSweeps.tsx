/**
 * The sweeps this browser holds for the loaded model, each under what it
 * is (problems, mode, settings), so one set's sweep never replaces
 * another's and any of them can be reopened.
 */
import { sweepProgress, useSweepStore } from '../../store/sweepStore';
import { sweepIdentity } from '../../store/sweepIdentity';

export function SavedSweeps() {
  const { saved, file, status, open } = useSweepStore();
  if (saved.length === 0) return null;
  const shown = file && sweepIdentity(file);
  return (
    <details className="saved-sweeps">
      <summary>
        {saved.length} sweep{saved.length > 1 ? 's' : ''} saved in this browser for this model
      </summary>
      <table className="results" aria-label="Saved sweeps">
        <thead>
          <tr>
            <th scope="col">Problems</th>
            <th scope="col">Mode</th>
            <th scope="col">Cells</th>
            <th scope="col">Saved</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
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
                <td>{e.savedAt ? new Date(e.savedAt).toLocaleString() : 'earlier'}</td>
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
        </tbody>
      </table>
    </details>
  );
}
