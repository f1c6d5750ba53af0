/** The solve slice: one question, its streamed answer, and how fast it came. */
import { create } from 'zustand';
import { engineClient } from '../worker/client';
import { currentPrunedHeads } from './headsStore';
import type { FinalEvent } from '../worker/protocol';

type Status = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

interface SolveState {
  question: string;
  status: Status;
  text: string;
  tokenCount: number;
  tokensPerSecond: number;
  error?: string;
  requestId?: number;
  /** The heads pruned for the latest answer. */
  prunedAtRun: [number, number][];
  setQuestion(q: string): void;
  solve(maxNewTokens: number): Promise<void>;
  stop(): void;
}

export const useSolveStore = create<SolveState>((set, get) => ({
  question: '',
  status: 'idle',
  text: '',
  tokenCount: 0,
  tokensPerSecond: 0,
  prunedAtRun: [],
  setQuestion: (question) => set({ question }),
  async solve(maxNewTokens) {
    const prune = currentPrunedHeads();
    set({ status: 'running', text: '', tokenCount: 0, tokensPerSecond: 0, error: undefined, prunedAtRun: prune });
    const { id, done } = engineClient().request<Extract<FinalEvent, { type: 'solved' }>>(
      { type: 'solve', question: get().question, maxNewTokens, prune },
      (e) => {
        if (e.type === 'token') set({ text: e.text, tokenCount: e.tokenCount, tokensPerSecond: e.tokensPerSecond });
      },
    );
    set({ requestId: id });
    try {
      const { result } = await done;
      set({ status: 'done', text: result.text, tokenCount: result.tokens.length, tokensPerSecond: result.tokens.length / Math.max(result.seconds, 1e-9) });
    } catch (err) {
      const e = err as Error;
      set(e.name === 'AbortError' ? { status: 'cancelled' } : { status: 'error', error: e.message });
    }
  },
  stop() {
    const id = get().requestId;
    if (id !== undefined && get().status === 'running') engineClient().cancel(id);
  },
}));
