/**
 * The sweeps this browser holds for the loaded model, each under what it
 * is (problems, mode, settings), so one set's sweep never replaces
 * another's and any of them can be reopened.
 */
import { useMemo } from 'react';
import { sweepProgress, useSweepStore } from '../../store/sweepStore';
import { SavedList, savedWhen } from '../saved/SavedList';

export function SavedSweeps() {
  // Only what the list shows: a running sweep's batches change the file, not these.
  const saved = useSweepStore((s) => s.saved);
  const shown = useSweepStore((s) => s.shownId);
  const running = useSweepStore((s) => s.status === 'running');
  const open = useSweepStore((s) => s.open);
  const progress = useMemo(() => saved.map((e) => sweepProgress(e.file)), [saved]);
  return (
    <SavedList label="Saved sweeps" noun="sweep" count={saved.length} columns={['Problems', 'Mode', 'Cells', 'Saved', 'Action']}>
      {saved.map((e, i) => {
        const { done, total } = progress[i];
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
                <button type="button" disabled={running} onClick={() => open(e.id)}>
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
