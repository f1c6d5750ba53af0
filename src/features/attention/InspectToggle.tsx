/**
 * The grid's inspect switch. While it is on, clicking a head (or pressing
 * Enter or space on it, after moving there with the arrow keys) shows its
 * attention instead of pruning it.
 */
import { useAttentionStore } from '../../store/attentionStore';

export function InspectToggle() {
  const inspect = useAttentionStore((s) => s.inspect);
  const setInspect = useAttentionStore((s) => s.setInspect);
  return (
    <p className="meta">
      <button type="button" className="inspect-toggle" aria-pressed={inspect} onClick={() => setInspect(!inspect)}>
        Inspect heads
      </button>{' '}
      <span data-testid="inspect-state">
        {inspect ? (
          <>
            <strong>On</strong>: a click, or Enter on a focused head, shows what that head attends to below, and the head shown has an{' '}
            <span className="inspected-swatch" aria-hidden="true" /> orange outline. Pruning clicks are paused: prune the shown head from the
            attention panel, or turn this off.
          </>
        ) : (
          'Off: clicks prune heads. Turn on to see what a head attends to; clicks then select heads instead.'
        )}
      </span>
    </p>
  );
}
