/** The comparison's progress bar with its count and an estimate of the time left. */
import { useRef } from 'react';

/** Seconds left at the pace so far, or undefined before the first answers arrive. */
export function secondsLeft(done: number, total: number, elapsedSeconds: number): number | undefined {
  if (done <= 0 || elapsedSeconds <= 0) return undefined;
  return Math.max(0, Math.round((elapsedSeconds / done) * (total - done)));
}

/** The bar, "done of total answers" and the time left at the pace so far; mount it only while a run goes. */
export function ComparisonProgress({ done, total }: { done: number; total: number }) {
  // Mounted only while a run is going, so the mount time is the run's start.
  const started = useRef(performance.now());
  const eta = secondsLeft(done, total, (performance.now() - started.current) / 1000);
  return (
    <p data-testid="comparison-progress">
      <progress aria-label="Comparison progress" max={total} value={done} /> {done} of {total} answers (every problem unpruned, then
      pruned){eta === undefined ? ', estimating the time left…' : `, about ${eta} s left`}
    </p>
  );
}
