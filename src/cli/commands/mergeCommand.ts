/** `merge a.json b.json ... --out all.json`: joins sweep shards. */
import { readFileSync } from 'node:fs';
import { writeWhole } from '../writeWhole';
import type { CliContext } from '../cliContext';
import { required, UsageError } from '../args';
import { mergeSweeps } from '../../engine/sweep/mergeSweeps';
import { validateSweepFile } from '../../engine/sweep/sweepSchema';

export async function mergeCommand({ values, positionals, progress }: CliContext): Promise<void> {
  const outPath = required(values.out, 'out');
  if (positionals.length === 0) throw new UsageError('merge needs the sweep files to join');
  const files = positionals.map((p) => {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(p, 'utf8'));
    } catch (err) {
      throw new UsageError(`${p}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not valid JSON (${(err as Error).message})`}`);
    }
    return validateSweepFile(raw, p);
  });
  const merged = mergeSweeps(files);
  writeWhole(outPath, JSON.stringify(merged));
  progress(`merged ${files.length} files: ${merged.cells.length} cells -> ${outPath}\n`);
}
