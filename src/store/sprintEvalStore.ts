/**
 * The SPRINT evaluation slice: the five methods (greedy, sampling, random
 * head, fixed head order, SPRINT) on held-out questions in the worker, N = 1..maxN, with
 * progress and cancel. Questions the selector trained on are never used.
 * Each finished evaluation is saved under what it is, listed, and can be
 * reopened with the numbers it finished with, or forgotten.
 */
import { create } from 'zustand';
import { engineClient } from '../worker/client';
import { cancelRunning, failedJob } from './workerJob';
import type { FinalEvent } from '../worker/protocol';
import { runnableProblems } from './contextFit';
import { METHODS, type ComparisonReport } from '../engine/sprint/compareMethods';
import type { SprintSelector } from '../engine/sprint/selectorFormat';
import type { SweepProblem } from '../engine/sweep/sweepSchema';
import { activeTruncation } from './activeTruncation';
import { evaluationIdentity } from './evaluationIdentity';
import { forgetEvaluation, savedEvaluations, saveEvaluation, type SavedEvaluationEntry } from './evaluationPersistence';

/** The seed every evaluation runs with (sampling and random heads), part of what it is. */
const EVAL_SEED = 0;

/** What an evaluation is of, besides its problems and N: the selector's identity and words, and where the problems came from. */
export type EvaluationAbout = Pick<SavedEvaluationEntry, 'selectorId' | 'selectorText' | 'source'>;

interface SprintEvalState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  error?: string;
  done: number;
  total: number;
  report?: ComparisonReport;
  /** The saved record of the report shown: the run just finished, or one reopened from the list. */
  shown?: SavedEvaluationEntry;
  /** Every evaluation saved in this browser for the loaded model, most recent first. */
  saved: SavedEvaluationEntry[];
  /** Problems per second so far, for the time left. */
  rate?: number;
  /** Which problems the evaluation left out as too long for the model's context, and why. */
  skipped?: string;
  requestId?: number;
  run(selector: SprintSelector, problems: SweepProblem[], maxN: number, maxNewTokens: number, about: EvaluationAbout): Promise<void>;
  cancel(): void;
  /** After a model loads: the evaluations saved for it. */
  restore(fingerprint: string): Promise<void>;
  /** Shows a saved evaluation from the list, as it finished. */
  open(id: string): void;
  forget(id: string): Promise<void>;
}

/** The problems a selector may be evaluated on: those it did not train on. */
export function heldOutFor<P extends SweepProblem>(selector: SprintSelector, problems: P[]): P[] {
  const trained = new Set(selector.trainIds);
  return problems.filter((p) => !trained.has(p.id));
}

export const useSprintEvalStore = create<SprintEvalState>((set, get) => ({
  status: 'idle',
  done: 0,
  total: 0,
  saved: [],
  async run(selector, all, maxN, maxNewTokens, about) {
    set({ status: 'running', error: undefined, report: undefined, shown: undefined, done: 0, total: all.length, rate: undefined, skipped: undefined });
    let problems: SweepProblem[];
    try {
      const runnable = await runnableProblems(all, maxNewTokens);
      problems = runnable.problems;
      set({ skipped: runnable.skipped, total: problems.length });
    } catch (err) {
      return set({ status: 'error', error: (err as Error).message });
    }
    const fingerprint = selector.model.fingerprint;
    const settings = { fingerprint, selectorId: about.selectorId, problems, maxN, methods: METHODS, truncations: activeTruncation.get(), maxNewTokens, seed: EVAL_SEED };
    const started = performance.now();
    const { id, done } = engineClient().request<Extract<FinalEvent, { type: 'compared' }>>(
      { type: 'sprintCompare', selector, problems, maxN, maxNewTokens, seed: EVAL_SEED },
      (e) => {
        if (e.type === 'compareProgress') set({ done: e.done, rate: e.done / ((performance.now() - started) / 1000) });
      },
    );
    set({ requestId: id });
    try {
      const { report } = await done;
      const { skipped } = get();
      const entry: SavedEvaluationEntry = {
        ...about,
        id: evaluationIdentity(settings),
        savedAt: Date.now(),
        fingerprint,
        maxN,
        maxNewTokens,
        methods: [...METHODS],
        truncations: settings.truncations,
        ...(skipped ? { skipped } : {}),
        report,
      };
      set({ report, shown: entry, status: 'done' });
      await saveEvaluation(entry);
      set({ saved: await savedEvaluations(fingerprint) });
    } catch (err) {
      set(failedJob(err, 'cancelled'));
    }
  },
  cancel: () => cancelRunning(get()),
  async restore(fingerprint) {
    set({ saved: await savedEvaluations(fingerprint) });
  },
  open(id) {
    const entry = get().saved.find((e) => e.id === id);
    if (!entry || get().status === 'running') return;
    const problems = entry.report.problems.length;
    set({ report: entry.report, shown: entry, skipped: entry.skipped, status: 'done', error: undefined, done: problems, total: problems, rate: undefined });
  },
  async forget(id) {
    const entry = get().saved.find((e) => e.id === id);
    if (!entry) return;
    await forgetEvaluation(id);
    // A forgotten evaluation is not left on screen as though it were still kept.
    if (get().shown?.id === id && get().status === 'done') set({ report: undefined, shown: undefined, skipped: undefined, status: 'idle' });
    set({ saved: await savedEvaluations(entry.fingerprint) });
  },
}));
