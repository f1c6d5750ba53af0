/** Says which job keeps this panel's buttons disabled, so a disabled button is never a mystery. */
import { useBusyWith } from '../../store/busy';

/** @param own the job this panel itself runs: no note while it is the one running */
export function BusyNote({ own }: { own?: string }) {
  const busy = useBusyWith();
  if (!busy || busy === own) return null;
  return (
    <p className="meta busy-note" role="status">
      Waiting for {busy}: this panel can run once it finishes{busy === 'the sweep' ? ' or is paused' : ''}.
    </p>
  );
}
