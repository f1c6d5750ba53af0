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
      <button type="button" aria-pressed={inspect} onClick={() => setInspect(!inspect)}>
        Inspect heads
      </button>{' '}
      {inspect
        ? 'On: a click, or Enter on a focused head, shows what that head attends to below; pruning clicks are paused.'
        : 'Turn on to see what a head attends to; clicks then select heads instead of pruning them.'}
    </p>
  );
}
