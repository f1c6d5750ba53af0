/**
 * The SPRINT evaluation slice: the five methods (greedy, sampling, random
 * head, fixed head order, SPRINT) on held-out questions in the worker, N = 1..maxN, with
 * progress and cancel. Questions the selector trained on are never used.
 */
import { create } from 'zustand';
import { engineClient } from '../worker/client';
import type { FinalEvent } from '../worker/protocol';
import { runnableProblems } from './contextFit';
import type { ComparisonReport } from '../engine/sprint/compareMethods';
import type { SprintSelector } from '../engine/sprint/selectorFormat';
import type { SweepProblem } from '../engine/sweep/sweepSchema';

interface SprintEvalState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  error?: string;
  done: number;
  total: number;
  report?: ComparisonReport;
  /** Problems per second so far, for the time left. */
  rate?: number;
  /** Which problems the evaluation left out as too long for the model's context, and why. */
  skipped?: string;
  requestId?: number;
  run(selector: SprintSelector, problems: SweepProblem[], maxN: number, maxNewTokens: number): Promise<void>;
  cancel(): void;
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
  async run(selector, all, maxN, maxNewTokens) {
    set({ status: 'running', error: undefined, report: undefined, done: 0, total: all.length, rate: undefined, skipped: undefined });
    let problems: SweepProblem[];
    try {
      const runnable = await runnableProblems(all, maxNewTokens);
      problems = runnable.problems;
      set({ skipped: runnable.skipped, total: problems.length });
    } catch (err) {
      return set({ status: 'error', error: (err as Error).message });
    }
    const started = performance.now();
    const { id, done } = engineClient().request<Extract<FinalEvent, { type: 'compared' }>>(
      { type: 'sprintCompare', selector, problems, maxN, maxNewTokens, seed: 0 },
      (e) => {
        if (e.type === 'compareProgress') set({ done: e.done, rate: e.done / ((performance.now() - started) / 1000) });
      },
    );
    set({ requestId: id });
    try {
      set({ report: (await done).report, status: 'done' });
    } catch (err) {
      const cancelled = (err as Error).name === 'AbortError';
      set({ status: cancelled ? 'cancelled' : 'error', error: cancelled ? undefined : (err as Error).message });
    }
  },
  cancel() {
    const { requestId, status } = get();
    if (requestId !== undefined && status === 'running') engineClient().cancel(requestId);
  },
}));
