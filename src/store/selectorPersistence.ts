/**
 * The trained SPRINT selector kept in IndexedDB, one per model fingerprint,
 * so a reload keeps it. Read back through the same checks as an import: a
 * damaged record is dropped, never used.
 */
import { del, get, set } from 'idb-keyval';
import type { SprintSelector } from '../engine/sprint/selectorFormat';
import { parseSelector } from '../engine/sprint/selectorFile';

const key = (fingerprint: string) => `headlab:selector:v1:${fingerprint}`;

export async function saveSelector(selector: SprintSelector): Promise<void> {
  await set(key(selector.model.fingerprint), selector);
}

/** The saved selector for this model file, if any. */
export async function loadSavedSelector(fingerprint: string): Promise<SprintSelector | undefined> {
  const raw = await get(key(fingerprint));
  if (raw === undefined) return undefined;
  try {
    return parseSelector(raw, 'saved selector');
  } catch {
    await del(key(fingerprint));
    return undefined;
  }
}

export async function forgetSelector(fingerprint: string): Promise<void> {
  await del(key(fingerprint));
}
