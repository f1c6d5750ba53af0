/**
 * Problem sets big enough for SPRINT to be judged: a training sweep of 600
 * questions and 300 held-out ones, each with its cost said before it is
 * loaded. With a few dozen questions every interval spans tens of points.
 */
import { useModelStore } from '../../store/modelStore';
import { useRunsStore } from '../../store/runsStore';
import { useSweepStore } from '../../store/sweepStore';
import { evaluationEstimate } from './evaluationEstimate';

/** Seeds of the SPRINT sets: training questions apart from the app's usual held-out seed (7). */
export const SPRINT_SETS = { train: { seed: 11, count: 600 }, heldOut: { seed: 7, count: 300 } };

const FALLBACK_RATE = 60;

export function SprintSizes({ disabled }: { disabled: boolean }) {
  const info = useModelStore((s) => s.info);
  const rate = useSweepStore((s) => s.rate);
  const setSpec = useRunsStore((s) => s.setSpec);
  const loaded = useRunsStore((s) => s.sourceLabel);
  // The SPRINT sets use the generator of the set in view (mix questions for the mix model).
  const generator = useRunsStore((s) => s.spec.generator);
  const cells = info ? SPRINT_SETS.train.count * (info.spec.numLayers * info.spec.numHeads + 1) : 0;
  const sweepMinutes = Math.ceil(cells / (rate || FALLBACK_RATE) / 60);
  return (
    <div className="buttons" data-testid="sprint-sizes">
      <button type="button" disabled={disabled || !info} onClick={() => setSpec({ ...SPRINT_SETS.train, generator })}>
        Load {SPRINT_SETS.train.count} training problems (seed {SPRINT_SETS.train.seed})
      </button>
      <span className="meta">
        then start the sweep: {cells} cells, about {sweepMinutes} min at {rate ? `${rate.toFixed(0)} cells/s (this browser)` : `${FALLBACK_RATE} cells/s (WASM)`}.
      </span>
      <button type="button" disabled={disabled || !info} onClick={() => setSpec({ ...SPRINT_SETS.heldOut, generator })}>
        Load {SPRINT_SETS.heldOut.count} held-out problems (seed {SPRINT_SETS.heldOut.seed})
      </button>
      <span className="meta">
        for &quot;the loaded problem set&quot; below: {evaluationEstimate(SPRINT_SETS.heldOut.count, 8, rate)}
      </span>
      <span className="meta" data-testid="loaded-set">
        Loaded now: {loaded}.
      </span>
    </div>
  );
}
