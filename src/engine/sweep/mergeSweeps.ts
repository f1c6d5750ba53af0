/** Joins sweep shards (or partial runs) of the same sweep into one file. */
import { SweepFileError, type SweepCell, type SweepFile } from './sweepSchema';

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Merges files that share every setting that changes a cell: model fingerprint, mode, new-token
 * limit, problems, configurations and truncations. Shards must be the whole of one partition
 * (the same count, each index once, each cell in its own shard); a cell present twice must
 * agree. The result has no shard marker.
 */
export function mergeSweeps(files: SweepFile[]): SweepFile {
  if (files.length === 0) throw new SweepFileError('merge needs at least one sweep file');
  const [first] = files;
  checkPartition(files);
  const cells = new Map<string, SweepCell>();
  files.forEach((f, i) => {
    const what = `file ${i + 1}`;
    if (f.model.fingerprint !== first.model.fingerprint) throw new SweepFileError(`${what} is for a different model (fingerprint ${f.model.fingerprint.slice(0, 12)}…)`);
    if (f.mode !== first.mode) throw new SweepFileError(`${what} is a ${f.mode} sweep, file 1 is ${first.mode}`);
    if (f.maxNewTokens !== first.maxNewTokens) throw new SweepFileError(`${what} was run with up to ${f.maxNewTokens} new tokens, file 1 with ${first.maxNewTokens}: their cells are not comparable`);
    if (!sameJson(f.problems, first.problems)) throw new SweepFileError(`${what} has a different problem set`);
    if (!sameJson(f.configs, first.configs)) throw new SweepFileError(`${what} has different head configurations`);
    if (!sameJson(f.truncations ?? null, first.truncations ?? null)) throw new SweepFileError(`${what} has different truncations`);
    for (const c of f.cells) {
      if (f.shard && c.config % f.shard.count !== f.shard.index) {
        throw new SweepFileError(`${what} is shard ${f.shard.index}/${f.shard.count} but holds configuration ${c.config}, which belongs to shard ${c.config % f.shard.count}`);
      }
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

/** Shards, if any, must be every index of one count, once each; a whole sweep cannot join them. */
function checkPartition(files: SweepFile[]): void {
  const sharded = files.filter((f) => f.shard);
  if (sharded.length === 0) return;
  if (sharded.length !== files.length) throw new SweepFileError(`file ${files.findIndex((f) => !f.shard) + 1} is a whole sweep, file ${files.findIndex((f) => f.shard) + 1} a shard: merge shards of one split only`);
  const count = sharded[0].shard!.count;
  const indices = new Map<number, number>();
  files.forEach((f, i) => {
    const { index, count: n } = f.shard!;
    if (n !== count) throw new SweepFileError(`file ${i + 1} is shard ${index}/${n}, file 1 is one of ${count}: they are different splits`);
    if (indices.has(index)) throw new SweepFileError(`files ${indices.get(index)! + 1} and ${i + 1} are both shard ${index}/${count}`);
    indices.set(index, i);
  });
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !indices.has(i));
  if (missing.length) throw new SweepFileError(`shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing: merge every shard of the split`);
}
