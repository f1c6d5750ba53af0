/**
 * Work split into tasks of a few milliseconds: a loop over rows or labels
 * that would be one long task (on a busy machine, 90 000 cells of
 * JavaScript not yet optimised take tens of milliseconds) checks the clock
 * after each step and yields to the page once its slice is used up, so
 * input and frames are never held up for long.
 */

/** Milliseconds one slice may run: well under the 50 ms of a long task, on a slow machine too. */
export const SLICE_MS = 8;

/**
 * Runs step(0) … step(count − 1), starting in a task of its own, in
 * slices of about `budget` ms, then `done()` in the last slice.
 * @returns a function that stops the remaining steps (and `done`)
 */
export function timeSliced(count: number, step: (i: number) => void, done?: () => void, budget = SLICE_MS): () => void {
  let next = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slice = () => {
    const end = performance.now() + budget;
    while (next < count) {
      step(next++);
      if (performance.now() > end) break;
    }
    if (next < count) timer = setTimeout(slice);
    else done?.();
  };
  timer = setTimeout(slice);
  return () => clearTimeout(timer);
}
