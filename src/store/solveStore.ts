/** The solve slice: one question, its streamed answer, and how fast it came. */
import { create } from 'zustand';
import { engineClient } from '../worker/client';
import { cancelRunning, failedJob } from './workerJob';
import { currentPrunedHeads } from './headsStore';
import { activeTruncation } from './activeTruncation';
import type { FinalEvent } from '../worker/protocol';

type Status = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

interface SolveState {
  question: string;
  status: Status;
  text: string;
  tokenCount: number;
  tokensPerSecond: number;
  /** The answer's token ids once it is done, for the attention patterns over question and answer. */
  answerTokens: number[];
  /** The question answerTokens answer (the question box may have changed since). */
  answerFor: string;
  error?: string;
  requestId?: number;
  /** The heads pruned for the latest answer. */
  prunedAtRun: [number, number][];
  /** The truncations the worker's model carried for the latest answer. */
  truncatedAtRun: string[];
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
  answerTokens: [],
  answerFor: '',
  prunedAtRun: [],
  truncatedAtRun: [],
  setQuestion: (question) => set({ question }),
  async solve(maxNewTokens) {
    const prune = currentPrunedHeads();
    const question = get().question;
    set({ status: 'running', text: '', tokenCount: 0, tokensPerSecond: 0, answerTokens: [], error: undefined, prunedAtRun: prune, truncatedAtRun: activeTruncation.get() });
    const { id, done } = engineClient().request<Extract<FinalEvent, { type: 'solved' }>>(
      { type: 'solve', question, maxNewTokens, prune },
      (e) => {
        if (e.type === 'token') set({ text: e.text, tokenCount: e.tokenCount, tokensPerSecond: e.tokensPerSecond });
      },
    );
    set({ requestId: id });
    try {
      const { result } = await done;
      set({ status: 'done', text: result.text, answerTokens: result.tokens, answerFor: question, tokenCount: result.tokens.length, tokensPerSecond: result.tokens.length / Math.max(result.seconds, 1e-9) });
    } catch (err) {
      set(failedJob(err, 'cancelled'));
    }
  },
  stop: () => cancelRunning(get()),
}));
