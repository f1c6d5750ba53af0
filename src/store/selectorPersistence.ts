/**
 * The SPRINT selector a user trained or imported, kept in IndexedDB, one per
 * model fingerprint, so a reload keeps it; with it, where it came from. Read
 * back through the same checks as an import: a damaged record is dropped,
 * never used. The selector shipped with a bundled model is never saved here,
 * so forgetting the user's own returns to it.
 */
import { del, get, set } from 'idb-keyval';
import type { SprintSelector } from '../engine/sprint/selectorFormat';
import { parseSelector } from '../engine/sprint/selectorFile';

/** Where a saved selector came from: trained in this browser, or imported from a file. */
export type SavedSource = { kind: 'trained' } | { kind: 'imported'; file: string };

const key = (fingerprint: string) => `headlab:selector:v1:${fingerprint}`;
// Beside the selector rather than inside it, so records saved before the source was kept still read as they are.
const sourceKey = (fingerprint: string) => `headlab:selector-source:v1:${fingerprint}`;

function isSavedSource(v: unknown): v is SavedSource {
  const s = v as SavedSource | undefined;
  return s?.kind === 'trained' || (s?.kind === 'imported' && typeof s.file === 'string');
}

export async function saveSelector(selector: SprintSelector, source: SavedSource): Promise<void> {
  await set(key(selector.model.fingerprint), selector);
  await set(sourceKey(selector.model.fingerprint), source);
}

/** The saved selector for this model file, if any, and where it came from when that was recorded. */
export async function loadSavedSelector(fingerprint: string): Promise<{ selector: SprintSelector; source?: SavedSource } | undefined> {
  const raw = await get(key(fingerprint));
  if (raw === undefined) return undefined;
  try {
    const source: unknown = await get(sourceKey(fingerprint));
    return { selector: parseSelector(raw, 'saved selector'), source: isSavedSource(source) ? source : undefined };
  } catch {
    await forgetSelector(fingerprint);
    return undefined;
  }
}

export async function forgetSelector(fingerprint: string): Promise<void> {
  await del(key(fingerprint));
  await del(sourceKey(fingerprint));
}
