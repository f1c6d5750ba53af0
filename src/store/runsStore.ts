/**
 * The runs slice: a problem set, and the same problems answered with nothing
 * pruned (baseline) and with the grid's current pruning, side by side.
 */
import { create } from 'zustand';
import { engineClient } from '../worker/client';
import type { FinalEvent } from '../worker/protocol';
import type { EvalReport } from '../engine/runs/evaluateProblems';
import { problemFromSynthetic, type Problem } from '../engine/problems/problem';
import { syntheticProblems, type Level } from '../engine/problems/synthetic';
import { HELD_OUT_SEED } from '../engine/problems/splits';
import { currentPrunedHeads, type HeadRef } from './headsStore';

export interface SyntheticSetSpec {
  seed: number;
  count: number;
  level?: Level;
}

type Status = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

interface RunsState {
  spec: SyntheticSetSpec;
  problems: Problem[];
  status: Status;
  error?: string;
  /** Problems answered so far, across both runs. */
  done: number;
  total: number;
  baseline?: EvalReport;
  pruned?: EvalReport;
  prunedHeads: HeadRef[];
  requestId?: number;
  setSpec(spec: SyntheticSetSpec): void;
  run(): Promise<void>;
  cancel(): void;
}

const DEFAULT_SPEC: SyntheticSetSpec = { seed: HELD_OUT_SEED, count: 10 };

function evaluate(problems: Problem[], prune: HeadRef[], onDone: (n: number) => void, onId: (id: number) => void): Promise<EvalReport> {
  const { id, done } = engineClient().request<Extract<FinalEvent, { type: 'evaluated' }>>(
    { type: 'evaluate', problems, prune, maxNewTokens: 64, batch: 8 },
    (e) => {
      if (e.type === 'evalProgress') onDone(e.done);
    },
  );
  onId(id);
  return done.then((e) => e.report);
}

export const useRunsStore = create<RunsState>((set, get) => ({
  spec: DEFAULT_SPEC,
  problems: syntheticProblems(DEFAULT_SPEC).map(problemFromSynthetic),
  status: 'idle',
  done: 0,
  total: 0,
  prunedHeads: [],
  setSpec: (spec) => set({ spec, problems: syntheticProblems(spec).map(problemFromSynthetic), baseline: undefined, pruned: undefined, status: 'idle' }),
  async run() {
    const { problems } = get();
    const prune = currentPrunedHeads();
    set({ status: 'running', error: undefined, done: 0, total: 2 * problems.length, baseline: undefined, pruned: undefined, prunedHeads: prune });
    const onId = (requestId: number) => set({ requestId });
    try {
      const baseline = await evaluate(problems, [], (n) => set({ done: n }), onId);
      set({ baseline });
      const pruned = await evaluate(problems, prune, (n) => set({ done: problems.length + n }), onId);
      set({ pruned, status: 'done' });
    } catch (err) {
      const e = err as Error;
      set(e.name === 'AbortError' ? { status: 'cancelled' } : { status: 'error', error: e.message });
    }
  },
  cancel() {
    const id = get().requestId;
    if (id !== undefined && get().status === 'running') engineClient().cancel(id);
  },
}));
