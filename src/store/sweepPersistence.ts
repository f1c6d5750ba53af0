/**
 * Sweeps saved in IndexedDB as their cells arrive, so a reload or a closed
 * tab resumes from what was saved. Each sweep is kept under what it is
 * (sweepIdentity: the model file, the problems, the mode, the new-token
 * limit, the configurations and truncations), so two tabs sweeping
 * different problem sets keep two records, and several can be listed and
 * reopened. The sweep without its cells sits under one key and each batch
 * of cells under its own, so saving a batch costs the batch, not the whole
 * sweep so far (a 28 x 16 grid over 500 problems is 224,000 cells).
 */
import { del, delMany, get, getMany, set, setMany } from 'idb-keyval';
import { keysWith } from './savedRecords';
import { pendingCells, type SweepCell, type SweepFile } from '../engine/sweep/sweepSchema';
import { validateSweepFile } from '../engine/sweep/validateSweep';
import { sweepIdentity } from './sweepIdentity';

const PREFIX = 'headlab:sweep:v3:';
const headKey = (id: string) => `${PREFIX}${id}`;
const cellsPrefix = (id: string) => `${PREFIX}${id}:cells:`;
/** Where version 2 kept one sweep per model fingerprint (head, then cells under ":cells:"), and version 1 the whole file; read once, then moved. */
const v2Head = (fingerprint: string) => `headlab:sweep:v2:${fingerprint}`;
const v1Key = (fingerprint: string) => `headlab:sweep:v1:${fingerprint}`;

/** A saved sweep as the list shows it. */
export interface SavedSweepEntry {
  id: string;
  savedAt: number;
  file: SweepFile;
}

let batchCounter = 0;

/** The cells of saved batches, one per (configuration, problem): a batch saved twice must not count twice. */
function mergeBatches(batches: (SweepCell[] | undefined)[]): SweepCell[] {
  return [...new Map(batches.flatMap((b) => b ?? []).map((c) => [`${c.config}.${c.problem}`, c])).values()];
}

/** Replaces whatever is saved for this sweep with `file` (its cells in one batch); other sweeps stay. */
export async function saveSweep(file: SweepFile): Promise<void> {
  const id = sweepIdentity(file);
  await forgetSweep(id);
  await setMany([
    [headKey(id), { ...file, cells: [], savedAt: Date.now() }],
    [`${cellsPrefix(id)}${Date.now()}-${batchCounter++}`, file.cells],
  ]);
}

/** Adds one batch of cells to the saved record of the sweep whose identity is `id` (sweepIdentity). */
export async function appendSweepCells(id: string, cells: SweepCell[]): Promise<void> {
  await set(`${cellsPrefix(id)}${Date.now()}-${batchCounter++}`, cells);
}

/** @param saved the sweep keys in IndexedDB, read once for every sweep a listing loads */
async function loadById(id: string, saved: string[]): Promise<SavedSweepEntry | undefined> {
  const head = (await get(headKey(id))) as (SweepFile & { savedAt?: number }) | undefined;
  if (head === undefined) return undefined;
  const batches = (await getMany(saved.filter((k) => k.startsWith(cellsPrefix(id))))) as (SweepCell[] | undefined)[];
  const { savedAt = 0, ...rest } = head;
  try {
    return { id, savedAt, file: validateSweepFile({ ...rest, cells: mergeBatches(batches) }, 'saved sweep') };
  } catch {
    await forgetSweep(id);
    return undefined;
  }
}

/** Moves a sweep saved by an earlier version (one per model) under its identity. */
async function migrate(fingerprint: string): Promise<void> {
  const v1 = await get(v1Key(fingerprint));
  const v2 = await get(v2Head(fingerprint));
  const cellKeys = await keysWith(`${v2Head(fingerprint)}:cells:`);
  let old: unknown = v1;
  if (v2 !== undefined) {
    old = { ...(v2 as SweepFile), cells: mergeBatches((await getMany(cellKeys)) as (SweepCell[] | undefined)[]) };
  }
  if (old === undefined) return;
  // Only what was read is deleted: a record written since (another tab) stays for its own reading.
  await delMany([...(v1 !== undefined ? [v1Key(fingerprint)] : []), ...(v2 !== undefined ? [v2Head(fingerprint), ...cellKeys] : [])]);
  try {
    await saveSweep(validateSweepFile(old, 'saved sweep'));
  } catch {
    // An unreadable old record is dropped, as it always was.
  }
}

/** Every sweep saved for this model file, most recently saved first. */
export async function savedSweeps(fingerprint: string): Promise<SavedSweepEntry[]> {
  await migrate(fingerprint);
  // Identities start with the model's fingerprint (modelScopedId): other models' sweeps are never read.
  const saved = await keysWith(`${PREFIX}${fingerprint.slice(0, 16)}-`);
  const heads = saved.filter((k) => !k.includes(':cells:'));
  const entries = await Promise.all(heads.map((k) => loadById(k.slice(PREFIX.length), saved)));
  return entries.filter((e): e is SavedSweepEntry => !!e && e.file.model.fingerprint === fingerprint).sort((a, b) => b.savedAt - a.savedAt);
}

/** The saved sweep over these problems (by id and question) for this model, the unfinished one first, else the latest. */
export function sweepFor(entries: SavedSweepEntry[], problems: readonly { id: string; question: string }[]): SavedSweepEntry | undefined {
  const same = (f: SweepFile) => f.problems.length === problems.length && f.problems.every((p, i) => p.id === problems[i].id && p.question === problems[i].question);
  const matching = entries.filter((e) => same(e.file));
  return matching.find((e) => pendingCells(e.file).length > 0) ?? matching[0];
}

export async function forgetSweep(id: string): Promise<void> {
  await delMany([headKey(id), ...(await keysWith(cellsPrefix(id)))]);
}

/** Forgets the record of one sweep, by its file. */
export async function forgetSavedSweep(file: SweepFile): Promise<void> {
  await forgetSweep(sweepIdentity(file));
  await del(v2Head(file.model.fingerprint));
}
