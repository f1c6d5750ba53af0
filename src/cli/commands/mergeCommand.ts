/** `merge a.json b.json ... --out all.json`: joins sweep shards. */
import { checkOutPath, writeWhole } from '../writeWhole';
import type { CliContext } from '../cliContext';
import { required, UsageError } from '../args';
import { mergeSweeps } from '../../engine/sweep/mergeSweeps';
import { validateSweepFile } from '../../engine/sweep/validateSweep';
import { readJsonFile } from '../readJsonFile';

export async function mergeCommand({ values, positionals, progress }: CliContext): Promise<void> {
  const outPath = required(values.out, 'out');
  checkOutPath(outPath);
  if (positionals.length === 0) throw new UsageError('merge needs the sweep files to join');
  const files = positionals.map((p) => validateSweepFile(readJsonFile(p, 'sweep file'), p));
  const merged = mergeSweeps(files);
  writeWhole(outPath, JSON.stringify(merged));
  progress(`merged ${files.length} files: ${merged.cells.length} cells -> ${outPath}\n`);
}
