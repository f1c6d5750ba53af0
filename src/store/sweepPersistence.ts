/**
 * Sweeps saved in IndexedDB as their cells arrive, one per model
 * fingerprint, so a reload or a closed tab resumes from what was saved.
 */
import { del, get, set } from 'idb-keyval';
import { validateSweepFile, type SweepFile } from '../engine/sweep/sweepSchema';

const key = (fingerprint: string) => `headlab:sweep:v1:${fingerprint}`;

export async function saveSweep(file: SweepFile): Promise<void> {
  await set(key(file.model.fingerprint), file);
}

/** The saved sweep for this model, if any (an unreadable one is dropped). */
export async function loadSavedSweep(fingerprint: string): Promise<SweepFile | undefined> {
  const raw = await get(key(fingerprint));
  if (raw === undefined) return undefined;
  try {
    return validateSweepFile(raw, 'saved sweep');
  } catch {
    await del(key(fingerprint));
    return undefined;
  }
}

export async function forgetSweep(fingerprint: string): Promise<void> {
  await del(key(fingerprint));
}
