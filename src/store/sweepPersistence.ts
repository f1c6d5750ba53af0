/**
 * Sweeps saved in IndexedDB as their cells arrive, one per model
 * fingerprint, so a reload or a closed tab resumes from what was saved.
 * The sweep without its cells sits under one key and each batch of cells
 * under its own, so saving a batch costs the batch, not the whole sweep so
 * far (a 28 x 16 grid over 500 problems is 224,000 cells).
 */
import { del, delMany, get, getMany, keys, set, setMany } from 'idb-keyval';
import { type SweepCell, type SweepFile } from '../engine/sweep/sweepSchema';
import { validateSweepFile } from '../engine/sweep/validateSweep';

const headKey = (fingerprint: string) => `headlab:sweep:v2:${fingerprint}`;
const cellsPrefix = (fingerprint: string) => `headlab:sweep:v2:${fingerprint}:cells:`;
/** Where version 1 kept the whole file under one key; read once, then moved. */
const legacyKey = (fingerprint: string) => `headlab:sweep:v1:${fingerprint}`;

let batchCounter = 0;

async function cellKeys(fingerprint: string): Promise<IDBValidKey[]> {
  const prefix = cellsPrefix(fingerprint);
  return (await keys()).filter((k) => typeof k === 'string' && k.startsWith(prefix));
}

/** Replaces whatever is saved for this model with `file` (its cells in one batch). */
export async function saveSweep(file: SweepFile): Promise<void> {
  const fingerprint = file.model.fingerprint;
  await forgetSweep(fingerprint);
  await setMany([
    [headKey(fingerprint), { ...file, cells: [] }],
    [`${cellsPrefix(fingerprint)}${Date.now()}-${batchCounter++}`, file.cells],
  ]);
}

/** Adds one batch of cells to the saved sweep of this model. */
export async function appendSweepCells(fingerprint: string, cells: SweepCell[]): Promise<void> {
  await set(`${cellsPrefix(fingerprint)}${Date.now()}-${batchCounter++}`, cells);
}

/** The saved sweep for this model, if any (an unreadable one is dropped). */
export async function loadSavedSweep(fingerprint: string): Promise<SweepFile | undefined> {
  const legacy = await get(legacyKey(fingerprint));
  if (legacy !== undefined) {
    await del(legacyKey(fingerprint));
    try {
      const file = validateSweepFile(legacy, 'saved sweep');
      await saveSweep(file);
      return file;
    } catch {
      return undefined;
    }
  }
  const head = await get(headKey(fingerprint));
  if (head === undefined) return undefined;
  const batches = (await getMany(await cellKeys(fingerprint))) as (SweepCell[] | undefined)[];
  // One cell per (configuration, problem): a batch saved twice must not count twice.
  const cells = new Map<string, SweepCell>();
  for (const batch of batches) for (const c of batch ?? []) cells.set(`${c.config}.${c.problem}`, c);
  try {
    return validateSweepFile({ ...head, cells: [...cells.values()] }, 'saved sweep');
  } catch {
    await forgetSweep(fingerprint);
    return undefined;
  }
}

export async function forgetSweep(fingerprint: string): Promise<void> {
  await delMany([headKey(fingerprint), legacyKey(fingerprint), ...(await cellKeys(fingerprint))]);
}
