/**
 * The sweep slice: every single-head pruning over the current problem set,
 * run in the worker, saved to IndexedDB as cells arrive, resumable after a
 * reload, and summarised per head for the grid's heatmap.
 */
import { create } from 'zustand';
import { engineClient } from '../worker/client';
import type { FinalEvent, ModelInfo } from '../worker/protocol';
import { summarizeSweep, type SweepSummary } from '../engine/sweep/sweepMetrics';
import { pendingCells, singleHeadConfigs, sweepProblemOf, SWEEP_SCHEMA, SWEEP_VERSION, type SweepFile, type SweepMode } from '../engine/sweep/sweepSchema';
import { parseSweepText } from '../engine/sweep/validateSweep';
import { activeTruncation } from './activeTruncation';

/** `truncations` for a sweep of `count` configurations on the model as truncated now; nothing when it is not. */
function truncationsFor(count: number): Pick<SweepFile, 'truncations'> {
  const active = activeTruncation.get();
  return active.length ? { truncations: Array.from({ length: count }, () => active) } : {};
}
import type { Problem } from '../engine/problems/problem';
import { appendSweepCells, forgetSavedSweep, savedSweeps, saveSweep, sweepFor, type SavedSweepEntry } from './sweepPersistence';
import { sweepIdentity } from './sweepIdentity';
import { runnableProblems } from './contextFit';
import { cancelRunning, failedJob } from './workerJob';

type Status = 'idle' | 'running' | 'paused' | 'done' | 'error';

interface SweepState {
  file?: SweepFile;
  summary?: SweepSummary;
  status: Status;
  error?: string;
  /** Said of an imported sweep that another model file made. */
  notice?: string;
  /** Which problems the sweep left out as too long for the model's context, and why. */
  skipped?: string;
  /** Cells per second since this run started, for the ETA. */
  rate?: number;
  requestId?: number;
  /** sweepIdentity of `file`, kept beside it so the list and each batch's save need not hash the file again. */
  shownId?: string;
  start(info: ModelInfo, problems: Problem[], mode: SweepMode): Promise<void>;
  resume(): Promise<void>;
  pause(): void;
  discard(): Promise<void>;
  /** Every sweep saved in this browser for the loaded model, most recent first. */
  saved: SavedSweepEntry[];
  /** Said when another tab of this browser is running the same sweep. */
  otherTab?: string;
  /** After a model loads: its saved sweep over `problems` (the loaded set), else its latest, and the list of all. */
  restore(info: ModelInfo, problems: readonly { id: string; question: string }[]): Promise<void>;
  /** Shows a saved sweep from the list. */
  open(id: string): void;
  importJson(text: string, info: ModelInfo): void;
}

/** New tokens each answer of a sweep may take. */
const SWEEP_TOKENS = 64;

/** Cells the sweep holds out of all it will hold. */
export function sweepProgress(file?: SweepFile): { done: number; total: number } {
  if (!file) return { done: 0, total: 0 };
  return { done: file.cells.length, total: file.cells.length + pendingCells(file).length };
}

export const useSweepStore = create<SweepState>((set, get) => {
  const show = (file: SweepFile, id = sweepIdentity(file)) => ({ file, summary: summarizeSweep(file), shownId: id });
  /** show(), with the status a stopped sweep has: paused while cells remain, else done. */
  const showStopped = (file: SweepFile) => ({ ...show(file), status: (pendingCells(file).length ? 'paused' : 'done') as Status });

  /** Runs the file's pending cells while holding its Web Lock, so two tabs never write one record at once. */
  async function run(file: SweepFile): Promise<void> {
    const id = sweepIdentity(file);
    if (typeof navigator === 'undefined' || !navigator.locks) return runHeld(file, id);
    set({ otherTab: undefined });
    await navigator.locks.request(`headlab-sweep:${id}`, { ifAvailable: true }, async (lock) => {
      if (!lock) {
        set({
          ...showStopped(file),
          otherTab: 'Another tab of this browser is running this same sweep, into the same saved record: it goes on there. Resume here once it stops (reload to see its cells).',
        });
        return;
      }
      await runHeld(file, id);
    });
  }

  /** @param sweepId sweepIdentity(file): the same for every batch, so it is worked out once */
  async function runHeld(file: SweepFile, sweepId: string): Promise<void> {
    const started = performance.now();
    const before = file.cells.length;
    let current = file;
    set({ ...show(file, sweepId), status: 'running', error: undefined, notice: undefined, rate: undefined });
    const { id, done } = engineClient().request<Extract<FinalEvent, { type: 'swept' }>>({ type: 'sweep', file, batchRows: 16 }, (e) => {
      if (e.type !== 'sweepCells') return;
      current = { ...current, cells: [...current.cells, ...e.cells] };
      void appendSweepCells(sweepId, e.cells);
      set({ ...show(current, sweepId), rate: (current.cells.length - before) / ((performance.now() - started) / 1000) });
    });
    set({ requestId: id });
    try {
      const { file: finished } = await done;
      // Once finished, its many small batches become one record.
      await saveSweep(finished);
      set({ ...show(finished, sweepId), status: 'done' });
    } catch (err) {
      set(failedJob(err, 'paused'));
    }
  }

  return {
    status: 'idle',
    saved: [],
    async start(info, all, mode) {
      let problems: Problem[];
      try {
        const runnable = await runnableProblems(all, SWEEP_TOKENS);
        problems = runnable.problems;
        set({ skipped: runnable.skipped });
      } catch (err) {
        return set({ status: 'error', error: (err as Error).message, skipped: undefined });
      }
      const file: SweepFile = {
        schema: SWEEP_SCHEMA,
        version: SWEEP_VERSION,
        model: { name: info.name, fingerprint: info.fingerprint, numLayers: info.spec.numLayers, numHeads: info.spec.numHeads },
        mode,
        maxNewTokens: SWEEP_TOKENS,
        problems: problems.map(sweepProblemOf),
        configs: singleHeadConfigs(info.spec.numLayers, info.spec.numHeads),
        // The worker's model carries the applied truncation: the file says so, and the worker rebuilds it from the files for the sweep.
        ...truncationsFor(info.spec.numLayers * info.spec.numHeads + 1),
        cells: [],
      };
      await saveSweep(file);
      set({ saved: await savedSweeps(info.fingerprint) });
      await run(file);
    },
    async resume() {
      const { file } = get();
      if (file) await run(file);
    },
    pause: () => cancelRunning(get()),
    async discard() {
      get().pause();
      const { file } = get();
      if (file) await forgetSavedSweep(file);
      const saved = file ? await savedSweeps(file.model.fingerprint) : get().saved;
      set({ file: undefined, summary: undefined, shownId: undefined, status: 'idle', rate: undefined, notice: undefined, skipped: undefined, otherTab: undefined, saved });
    },
    async restore(info, problems) {
      const saved = await savedSweeps(info.fingerprint);
      const shown = sweepFor(saved, problems) ?? saved[0];
      if (shown) set({ ...showStopped(shown.file), notice: undefined, otherTab: undefined, saved });
      else set({ file: undefined, summary: undefined, shownId: undefined, status: 'idle', notice: undefined, otherTab: undefined, saved });
    },
    open(id) {
      const entry = get().saved.find((e) => e.id === id);
      if (entry && get().status !== 'running') set({ ...showStopped(entry.file), notice: undefined, otherTab: undefined, error: undefined });
    },
    importJson(text, info) {
      try {
        const file = parseSweepText(text, 'imported file');
        if (file.model.numLayers !== info.spec.numLayers || file.model.numHeads !== info.spec.numHeads) {
          throw new Error(`The imported sweep is for ${file.model.numLayers} x ${file.model.numHeads} heads; ${info.name} has ${info.spec.numLayers} x ${info.spec.numHeads}.`);
        }
        // A truncation sweep's configurations differ in their weights, not their heads: the grid would draw them all as "nothing pruned".
        if (file.truncations && new Set(file.truncations.map((t) => t.join())).size > 1) {
          throw new Error('it is a truncation sweep (its configurations truncate different matrices, with no heads pruned): the head grid cannot show it');
        }
        const own = file.model.fingerprint === info.fingerprint;
        const status: Status = own && pendingCells(file).length ? 'paused' : 'done';
        const notice = own
          ? undefined
          : `This sweep was made with another model file (${file.model.name}, fingerprint ${file.model.fingerprint.slice(0, 12)}; ${info.name} is ${info.fingerprint.slice(0, 12)}): its numbers describe that file, not the loaded model, and it cannot be resumed here.`;
        set({ ...show(file), status, error: undefined, notice });
        if (file.model.fingerprint === info.fingerprint) void saveSweep(file).then(async () => set({ saved: await savedSweeps(info.fingerprint) }));
      } catch (err) {
        set({ error: `Could not import the sweep: ${(err as Error).message}` });
      }
    },
  };
});
