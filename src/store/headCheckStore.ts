/**
 * The head-masking check of the loaded model, run in the worker, and the
 * passes remembered per model file (by fingerprint, in localStorage), so a
 * model verified once says so whenever it is loaded again.
 */
import { create } from 'zustand';
import { engineClient } from '../worker/client';
import type { FinalEvent } from '../worker/protocol';
import type { CheckReport } from '../engine/check/headMaskCheck';
import { useModelStore } from './modelStore';

/** A remembered pass: when, and on which weights. */
export interface RememberedPass {
  at: string;
  dtype: string;
}

const KEY = 'headlab.headMaskCheck.';

/** The pass remembered for this model file, if any. */
export function rememberedPass(fingerprint: string): RememberedPass | undefined {
  try {
    const raw = localStorage.getItem(KEY + fingerprint);
    return raw ? (JSON.parse(raw) as RememberedPass) : undefined;
  } catch {
    return undefined;
  }
}

interface HeadCheckState {
  status: 'idle' | 'running' | 'done' | 'error';
  /** The last report, for the model file with this fingerprint. */
  report?: CheckReport;
  error?: string;
  /** Bumped when a pass is remembered, so views re-read it. */
  remembered: number;
  run(): Promise<void>;
}

export const useHeadCheckStore = create<HeadCheckState>((set) => ({
  status: 'idle',
  remembered: 0,
  async run() {
    set({ status: 'running', report: undefined, error: undefined });
    try {
      const { report } = await engineClient().request<Extract<FinalEvent, { type: 'headsChecked' }>>({ type: 'checkHeads' }).done;
      if (report.pass) {
        try {
          localStorage.setItem(KEY + report.fingerprint, JSON.stringify({ at: new Date().toISOString(), dtype: report.dtype } satisfies RememberedPass));
        } catch {
          // Storage full or denied: the pass is still shown, only not remembered.
        }
      }
      set((s) => ({ status: 'done', report, remembered: s.remembered + 1 }));
    } catch (err) {
      set({ status: 'error', error: (err as Error).message });
    }
  },
}));

// A report is about one model file: a newly loaded model starts without one.
useModelStore.subscribe((s, prev) => {
  if (s.info?.fingerprint !== prev.info?.fingerprint && useHeadCheckStore.getState().status !== 'running') {
    useHeadCheckStore.setState({ status: 'idle', report: undefined, error: undefined });
  }
});
