/**
 * Every file the CLI writes is written whole: to a temporary file beside
 * it, then renamed over the target, so a kill mid-write leaves the old file
 * (or none), never half of the new one.
 */
import { renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from './args';

export function writeWhole(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

/** Refuses, before any work, an --out that names a folder or sits in a folder that does not exist. */
export function checkOutPath(path: string): void {
  const folder = dirname(path);
  const kind = (p: string) => {
    try {
      return statSync(p).isDirectory() ? 'folder' : 'file';
    } catch {
      return undefined;
    }
  };
  if (kind(path) === 'folder') throw new UsageError(`--out ${path} is a folder: name a file in it`);
  if (kind(folder) !== 'folder') throw new UsageError(`--out ${path}: the folder ${folder} does not exist`);
}
