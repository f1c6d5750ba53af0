/**
 * The SPRINT slice: a selector trained in the worker from the current sweep
 * (first 80% of its problems train, the rest are held out), and the heads it
 * ranks for the question in the question panel.
 */
import { create } from 'zustand';
import { engineClient } from '../worker/client';
import type { FinalEvent } from '../worker/protocol';
import type { RankedHead, SprintSelector } from '../engine/sprint/sprintSelector';
import { DEFAULT_TRAIN } from '../engine/sprint/trainSelector';
import type { SweepFile } from '../engine/sweep/sweepSchema';
import type { PicksResult } from '../engine/sprint/runPicks';

interface SprintState {
  selector?: SprintSelector;
  status: 'idle' | 'training' | 'ranking' | 'error';
  error?: string;
  losses: number[];
  ranked?: RankedHead[];
  rankedFor?: string;
  heldOut: number;
  picks?: PicksResult;
  train(file: SweepFile): Promise<void>;
  runTopN(question: string, n: number, reference: string): Promise<void>;
  rank(question: string): Promise<void>;
}

/** The training split: the first 80% of the sweep's problems (at least one is held out). */
export function trainingSplit(problemCount: number): number[] {
  const train = Math.min(problemCount - 1, Math.max(1, Math.floor(problemCount * 0.8)));
  return Array.from({ length: train }, (_, i) => i);
}

export const useSprintStore = create<SprintState>((set, get) => ({
  status: 'idle',
  losses: [],
  heldOut: 0,
  async train(file) {
    const trainIndices = trainingSplit(file.problems.length);
    set({ status: 'training', error: undefined, losses: [], ranked: undefined, heldOut: file.problems.length - trainIndices.length });
    const { done } = engineClient().request<Extract<FinalEvent, { type: 'sprintTrained' }>>(
      { type: 'sprintTrain', file, trainIndices, options: { ...DEFAULT_TRAIN } },
      (e) => {
        if (e.type === 'sprintEpoch') set({ losses: [...get().losses, e.loss] });
      },
    );
    try {
      set({ selector: (await done).selector, status: 'idle' });
    } catch (err) {
      set({ status: 'error', error: (err as Error).message });
    }
  },
  async runTopN(question, n, reference) {
    const { ranked } = get();
    if (!ranked) return;
    set({ status: 'ranking', error: undefined, picks: undefined });
    try {
      const heads = ranked.slice(0, n).map((h) => [h.layer, h.head] as [number, number]);
      const { result } = await engineClient().request<Extract<FinalEvent, { type: 'picksRun' }>>({ type: 'runPicks', question, heads, reference }).done;
      set({ picks: result, status: 'idle' });
    } catch (err) {
      set({ status: 'error', error: (err as Error).message });
    }
  },
  async rank(question) {
    const { selector } = get();
    if (!selector) return;
    set({ status: 'ranking', error: undefined });
    try {
      const { ranked } = await engineClient().request<Extract<FinalEvent, { type: 'sprintRanked' }>>({ type: 'sprintRank', selector, question }).done;
      set({ ranked, rankedFor: question, status: 'idle' });
    } catch (err) {
      set({ status: 'error', error: (err as Error).message });
    }
  },
}));
