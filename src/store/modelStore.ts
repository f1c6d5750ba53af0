/** The model slice: what is loaded, on which backend and why, and load progress. */
import { create } from 'zustand';
import { engineClient } from '../worker/client';
import { useHeadsStore } from './headsStore';
import { useSweepStore } from './sweepStore';
import { useSprintStore } from './sprintStore';
import type { BackendChoice, FinalEvent, LoadProgress, ModelInfo, ModelSource } from '../worker/protocol';

type Status = 'idle' | 'loading' | 'ready' | 'error';

interface ModelState {
  status: Status;
  /** The source asked for last. */
  source?: ModelSource;
  info?: ModelInfo;
  error?: string;
  /** Latest progress per file, as transformers.js reports it. */
  files: Record<string, LoadProgress>;
  load(source: ModelSource, backend: BackendChoice): Promise<void>;
}

export const useModelStore = create<ModelState>((set) => ({
  status: 'idle',
  files: {},
  async load(source, backend) {
    set({ status: 'loading', source, info: undefined, error: undefined, files: {} });
    const { done } = engineClient().request<Extract<FinalEvent, { type: 'loaded' }>>(
      { type: 'load', source, backend },
      (e) => {
        if (e.type === 'progress' && e.progress.file) {
          const file = e.progress.file;
          set((s) => ({ files: { ...s.files, [file]: e.progress } }));
        }
      },
    );
    try {
      const { info } = await done;
      useHeadsStore.getState().resize(info.spec.numLayers, info.spec.numHeads);
      void useSweepStore.getState().restore(info);
      void useSprintStore.getState().restore(info);
      set({ status: 'ready', info });
    } catch (err) {
      set({ status: 'error', error: (err as Error).message });
    }
  },
}));

/** `?backend=wasm|webgpu` forces a backend; anything else lets the worker choose. */
export function backendFromUrl(search: string): BackendChoice {
  const b = new URLSearchParams(search).get('backend');
  return b === 'wasm' || b === 'webgpu' ? b : 'auto';
}

