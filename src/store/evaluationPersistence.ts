/**
 * Finished SPRINT evaluations, kept in IndexedDB under what they are
 * (evaluationIdentity: model file, selector, held-out problems, N,
 * methods, truncations), several per model, so a reload keeps them and any
 * can be reopened with the numbers it finished with. Read back field by
 * field: a damaged record is dropped, never shown.
 */
import { delMany, set } from 'idb-keyval';
import { METHODS, type ComparisonReport, type Method } from '../engine/sprint/compareMethods';
import { validateComparisonReport } from '../engine/sprint/validateReport';
import { readRecords } from './savedRecords';

/** A saved evaluation as the list shows it and as it reopens. */
export interface SavedEvaluationEntry {
  id: string;
  savedAt: number;
  fingerprint: string;
  /** selectorIdentity of the selector evaluated. */
  selectorId: string;
  /** What that selector was trained on, in words, for the list. */
  selectorText: string;
  /** Where the held-out problems came from: the sweep's held-out share, or the loaded problem set. */
  source: 'sweep' | 'loaded';
  maxN: number;
  maxNewTokens: number;
  methods: Method[];
  truncations: string[];
  /** Which problems were left out as too long, as the run said. */
  skipped?: string;
  report: ComparisonReport;
}

const PREFIX = 'headlab:evaluation:v1:';

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** The record under `id` checked field by field, or undefined when any field is damaged. */
function readRecord(id: string, raw: unknown): SavedEvaluationEntry | undefined {
  const r = raw as Partial<Record<keyof SavedEvaluationEntry, unknown>> | undefined;
  if (!r || typeof r.savedAt !== 'number' || !Number.isFinite(r.savedAt) || typeof r.fingerprint !== 'string') return undefined;
  if (typeof r.selectorId !== 'string' || typeof r.selectorText !== 'string' || (r.source !== 'sweep' && r.source !== 'loaded')) return undefined;
  if (!isCount(r.maxN) || !isCount(r.maxNewTokens) || !isStrings(r.truncations) || (r.skipped !== undefined && typeof r.skipped !== 'string')) return undefined;
  if (!isStrings(r.methods) || !r.methods.every((m) => (METHODS as readonly string[]).includes(m))) return undefined;
  try {
    const report = validateComparisonReport(r.report, 'saved evaluation');
    if ((report.ns.at(-1) as number) > r.maxN) return undefined;
    return { ...(r as Omit<SavedEvaluationEntry, 'id' | 'report'>), id, report };
  } catch {
    return undefined;
  }
}

/** Saves a finished evaluation under its identity; one saved before with the same identity is replaced. */
export async function saveEvaluation(entry: SavedEvaluationEntry): Promise<void> {
  const { id, ...record } = entry;
  await set(`${PREFIX}${id}`, record);
}

/** Every evaluation saved for this model file, most recent first; damaged records are deleted on the way. */
export async function savedEvaluations(fingerprint: string): Promise<SavedEvaluationEntry[]> {
  return (await readRecords(PREFIX, readRecord))
    .filter((e) => e.fingerprint === fingerprint)
    .sort((a, b) => b.savedAt - a.savedAt);
}

/** Forgets one saved evaluation, by its key. */
export async function forgetEvaluation(id: string): Promise<void> {
  await delMany([`${PREFIX}${id}`]);
}
