/**
 * How often a running sweep rewrites its --out file. Rewriting the whole
 * file after every batch wrote 150 MB for a 0.9 MB result over a
 * 200-problem sweep; at most once per interval (and always at the end) it
 * writes a few copies, and each write still goes to a temporary file then a
 * rename, so a kill leaves a whole file: the last one saved.
 */

/** The longest a kill can cost a running sweep. */
export const SAVE_INTERVAL_MS = 10_000;

/** Returns a function that runs `save` when `intervalMs` has passed since its last run; the caller saves at the end itself. */
export function saveThrottle(save: () => void, intervalMs = SAVE_INTERVAL_MS, now: () => number = Date.now): () => boolean {
  let last = now();
  return () => {
    if (now() - last < intervalMs) return false;
    save();
    last = now();
    return true;
  };
}
