/**
 * "This question under every head": the Solve panel's question run with
 * nothing pruned and with each head pruned alone, in one worker job, and
 * the report the grid colours itself by.
 */
import { create } from 'zustand';
import { engineClient } from '../worker/client';
import { cancelRunning, failedJob } from './workerJob';
import type { FinalEvent } from '../worker/protocol';
import type { EveryHeadReport } from '../engine/sweep/everyHead';
import { useSprintStore } from './sprintStore';
import { activeTruncation } from './activeTruncation';

interface EveryHeadState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  report?: EveryHeadReport;
  /** The truncations the worker's model carried for the report. */
  truncated: string[];
  error?: string;
  requestId?: number;
  /** Runs `question`; `reference` (may be empty) grades the answers. */
  run(question: string, reference: string, maxNewTokens: number): Promise<void>;
  cancel(): void;
  clear(): void;
}

export const useEveryHeadStore = create<EveryHeadState>((set, get) => ({
  status: 'idle',
  truncated: [],
  async run(question, reference, maxNewTokens) {
    set({ status: 'running', report: undefined, error: undefined, truncated: activeTruncation.get() });
    const { id, done } = engineClient().request<Extract<FinalEvent, { type: 'everyHeadDone' }>>({ type: 'everyHead', question, reference, maxNewTokens });
    set({ requestId: id });
    try {
      const { report } = await done;
      // With a selector in use, SPRINT ranks this question too, so each head's chance sits beside its real outcome.
      const sprint = useSprintStore.getState();
      if (sprint.selector && sprint.rankedFor?.trim() !== question.trim()) await sprint.rank(question);
      set({ status: 'done', report });
    } catch (err) {
      set(failedJob(err, 'cancelled'));
    }
  },
  cancel: () => cancelRunning(get()),
  clear: () => set({ status: 'idle', report: undefined, error: undefined }),
}));
