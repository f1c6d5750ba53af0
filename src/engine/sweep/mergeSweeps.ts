/** Joins sweep shards (or partial runs) of the same sweep into one file. */
import { SweepFileError, type SweepCell, type SweepFile } from './sweepSchema';

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Merges files that share model fingerprint, mode, problems and configs.
 * A cell present twice must agree; the result has no shard marker.
 */
export function mergeSweeps(files: SweepFile[]): SweepFile {
  if (files.length === 0) throw new SweepFileError('merge needs at least one sweep file');
  const [first] = files;
  const cells = new Map<string, SweepCell>();
  files.forEach((f, i) => {
    const what = `file ${i + 1}`;
    if (f.model.fingerprint !== first.model.fingerprint) throw new SweepFileError(`${what} is for a different model (fingerprint ${f.model.fingerprint.slice(0, 12)}…)`);
    if (f.mode !== first.mode) throw new SweepFileError(`${what} is a ${f.mode} sweep, file 1 is ${first.mode}`);
    if (!sameJson(f.problems, first.problems)) throw new SweepFileError(`${what} has a different problem set`);
    if (!sameJson(f.configs, first.configs)) throw new SweepFileError(`${what} has different head configurations`);
    if (!sameJson(f.truncations ?? null, first.truncations ?? null)) throw new SweepFileError(`${what} has different truncations`);
    for (const c of f.cells) {
      const key = `${c.config}:${c.problem}`;
      const seen = cells.get(key);
      if (seen && !sameJson(seen, c)) throw new SweepFileError(`${what} disagrees on configuration ${c.config}, problem ${c.problem}`);
      cells.set(key, c);
    }
  });
  const merged = [...cells.values()].sort((a, b) => a.config - b.config || a.problem - b.problem);
  const { shard: _shard, ...rest } = first;
  return { ...rest, cells: merged };
}
