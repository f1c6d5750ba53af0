/**
 * SPRINT selectors a user trained or imported, kept in IndexedDB under what
 * they are (selectorIdentity: the model file, what they were trained on and
 * their training settings), several per model, so a reload keeps them all
 * and any can be used again. Each record says where the selector came from
 * and when it was saved and last used; the one used last is in use after a
 * reload. Read back through the same checks as an import: a damaged record
 * is dropped, never used. The selector shipped with a bundled model is
 * never saved here, so forgetting the user's own returns to it.
 */
import { delMany, getMany, set } from 'idb-keyval';
import type { SprintSelector } from '../engine/sprint/selectorFormat';
import { parseSelector } from '../engine/sprint/selectorFile';
import { selectorIdentity, type TrainingSweep } from './selectorIdentity';
import { readRecords } from './savedRecords';

/** Where a saved selector came from: trained in this browser, or imported from a file. */
export type SavedSource = { kind: 'trained' } | { kind: 'imported'; file: string };

/** A saved selector as the list shows it. */
export interface SavedSelectorEntry {
  id: string;
  selector: SprintSelector;
  /** Unknown for one saved before the source was recorded. */
  source?: SavedSource;
  /** The sweep it was trained on, when it was trained here since that was recorded. */
  sweep?: TrainingSweep;
  /** 0 for one saved before the time was recorded. */
  savedAt: number;
  usedAt: number;
}

const PREFIX = 'headlab:selector:v2:';
/** Where version 1 kept one selector per model fingerprint, and beside it where it came from; read once, then moved. */
const v1Key = (fingerprint: string) => `headlab:selector:v1:${fingerprint}`;
const v1SourceKey = (fingerprint: string) => `headlab:selector-source:v1:${fingerprint}`;

function isSavedSource(v: unknown): v is SavedSource {
  const s = v as SavedSource | undefined;
  return s?.kind === 'trained' || (s?.kind === 'imported' && typeof s.file === 'string');
}

function isTrainingSweep(v: unknown): v is TrainingSweep {
  const s = v as TrainingSweep | undefined;
  const strings = Array.isArray(s?.truncations) && s.truncations.every((t) => typeof t === 'string');
  return typeof s?.id === 'string' && Number.isInteger(s.problems) && s.problems > 0 && (s.mode === 'generate' || s.mode === 'logprob') && strings;
}

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** The record under `id` checked field by field, or undefined when any field is damaged. */
function readRecord(id: string, raw: unknown): SavedSelectorEntry | undefined {
  const r = raw as Partial<Record<keyof SavedSelectorEntry, unknown>> | undefined;
  if (!r || !isTime(r.savedAt) || !isTime(r.usedAt)) return undefined;
  if (r.source !== undefined && !isSavedSource(r.source)) return undefined;
  if (r.sweep !== undefined && !isTrainingSweep(r.sweep)) return undefined;
  try {
    const selector = parseSelector(r.selector, 'saved selector');
    return { id, selector, source: r.source, sweep: r.sweep, savedAt: r.savedAt, usedAt: r.usedAt };
  } catch {
    return undefined;
  }
}

async function write(entry: Omit<SavedSelectorEntry, 'id'>): Promise<SavedSelectorEntry> {
  const id = selectorIdentity(entry.selector, entry.sweep);
  const { selector, source, sweep, savedAt, usedAt } = entry;
  await set(`${PREFIX}${id}`, { selector, savedAt, usedAt, ...(source ? { source } : {}), ...(sweep ? { sweep } : {}) });
  return { id, ...entry };
}

/**
 * Saves a selector trained or imported here under what it is, as the one in use; a record of the same selector is replaced, others stay.
 * @param sweep the sweep it was trained on, when it was trained here
 */
export async function saveSelector(selector: SprintSelector, source: SavedSource, sweep?: TrainingSweep): Promise<SavedSelectorEntry> {
  const now = Date.now();
  return write({ selector, source, sweep, savedAt: now, usedAt: now });
}

/** Records that a saved selector is in use again, so a reload brings it back. */
export async function markSelectorUsed(entry: SavedSelectorEntry): Promise<SavedSelectorEntry> {
  return write({ ...entry, usedAt: Date.now() });
}

/** Moves the one selector version 1 kept for this model under its identity, with where it came from. */
async function migrate(fingerprint: string): Promise<void> {
  const [raw, source] = await getMany([v1Key(fingerprint), v1SourceKey(fingerprint)]);
  if (raw === undefined && source === undefined) return;
  await delMany([v1Key(fingerprint), v1SourceKey(fingerprint)]);
  try {
    const selector = parseSelector(raw, 'saved selector');
    await write({ selector, source: isSavedSource(source) ? source : undefined, savedAt: 0, usedAt: 0 });
  } catch {
    // A damaged old record is dropped, as it always was.
  }
}

/** Every selector saved for this model file, most recently saved first; damaged records are deleted on the way. */
export async function savedSelectors(fingerprint: string): Promise<SavedSelectorEntry[]> {
  await migrate(fingerprint);
  return (await readRecords(PREFIX, readRecord))
    .filter((e) => e.selector.model.fingerprint === fingerprint)
    .sort((a, b) => b.savedAt - a.savedAt);
}

/** The saved selector used last, which a reload puts in use. */
export function lastUsed(entries: readonly SavedSelectorEntry[]): SavedSelectorEntry | undefined {
  return entries.reduce<SavedSelectorEntry | undefined>((best, e) => (!best || e.usedAt > best.usedAt ? e : best), undefined);
}

/** Forgets one saved selector, by its key. */
export async function forgetSavedSelector(id: string): Promise<void> {
  await delMany([`${PREFIX}${id}`]);
}
