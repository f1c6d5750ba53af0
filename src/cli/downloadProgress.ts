/**
 * Download progress for stderr: a line when a file starts, every tenth of
 * it as it arrives (when its size is known), and when it is done, so a slow
 * or stalled download is visible while it happens.
 */
import type { LoadProgressEvent } from '../engine/model/httpReader';

const size = (n: number) => (n < 1e6 ? `${(n / 1e3).toFixed(0)} kB` : `${(n / 1e6).toFixed(1)} MB`);

/** A progress handler writing to `write`. */
export function downloadProgress(write: (text: string) => void): (e: LoadProgressEvent) => void {
  const shown = new Map<string, number>();
  return (e) => {
    if (e.status === 'download') write(`downloading ${e.file}\n`);
    else if (e.status === 'progress' && e.total) {
      const tenth = Math.floor((10 * (e.loaded ?? 0)) / e.total);
      if (tenth > (shown.get(e.file) ?? 0) && tenth < 10) {
        shown.set(e.file, tenth);
        write(`  ${e.file}: ${tenth * 10}% of ${size(e.total)}\n`);
      }
    } else if (e.status === 'done') write(`  ${e.file}: done, ${size(e.loaded ?? 0)}\n`);
  };
}
