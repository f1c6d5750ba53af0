/**
 * Every file the CLI writes is written whole: to a temporary file beside
 * it, then renamed over the target, so a kill mid-write leaves the old file
 * (or none), never half of the new one.
 */
import { renameSync, writeFileSync } from 'node:fs';

export function writeWhole(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}
