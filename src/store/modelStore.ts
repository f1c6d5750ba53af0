/**
 * The model slice: what is loaded, on which backend and why, and load
 * progress. A new load never takes the loaded model away: until it has
 * loaded, the previous model keeps working, and if it fails the previous
 * model stays, with the failure said.
 */
import { create } from 'zustand';
import { engineClient } from '../worker/client';
import { useHeadsStore } from './headsStore';
import { useRunsStore } from './runsStore';
import { useSweepStore } from './sweepStore';
import { useSprintEvalStore } from './sprintEvalStore';
import { useSprintStore } from './sprintStore';
import type { BackendChoice, FinalEvent, LoadProgress, ModelInfo, ModelSource, ThreadsChoice } from '../worker/protocol';
import { hubIdProblem } from '../engine/model/modelSource';

type Status = 'idle' | 'loading' | 'ready' | 'error';

interface ModelState {
  status: Status;
  /** The loaded model's source (or, before the first model loads, the one being loaded). */
  source?: ModelSource;
  /** A source being loaded while `source` stays usable. */
  loading?: ModelSource;
  info?: ModelInfo;
  error?: string;
  /** The backend asked for: Auto lets the worker choose (and say why). */
  backend: BackendChoice;
  /** WASM threads asked for, from the link (`?threads=2`); the worker keeps the count it started with. */
  threads: ThreadsChoice;
  /** Latest progress per file, as transformers.js reports it. */
  files: Record<string, LoadProgress>;
  /** The step after the downloads (surgery, session, warm-up), from progress events without a file. */
  stage?: string;
  load(source: ModelSource, backend?: BackendChoice): Promise<void>;
  /** Reloads the current model on another backend. */
  setBackend(backend: BackendChoice): Promise<void>;
}

export const useModelStore = create<ModelState>((set, get) => ({
  status: 'idle',
  backend: 'auto',
  threads: threadsFromUrl(typeof location === 'undefined' ? '' : location.search),
  files: {},
  async load(source, backend = get().backend) {
    if (source.kind === 'hub') {
      const problem = hubIdProblem(source.id);
      if (problem) return set({ error: problem });
    }
    const previous = get().info;
    set({ status: 'loading', backend, loading: source, ...(previous ? {} : { source }), error: undefined, files: {}, stage: undefined });
    const { done } = engineClient().request<Extract<FinalEvent, { type: 'loaded' }>>(
      { type: 'load', source, backend, threads: get().threads },
      (e) => {
        if (e.type === 'progress' && e.progress.file) {
          const file = e.progress.file;
          set((s) => ({ files: { ...s.files, [file]: e.progress } }));
        } else if (e.type === 'progress') {
          set({ stage: e.progress.status });
        }
      },
    );
    try {
      const { info } = await done;
      if (!previous || info.fingerprint !== previous.fingerprint) {
        useHeadsStore.getState().resize(info.spec.numLayers, info.spec.numHeads);
        void useSweepStore.getState().restore(info, useRunsStore.getState().problems);
        void useSprintStore.getState().restore(info, source);
        void useSprintEvalStore.getState().restore(info.fingerprint);
      }
      set({ status: 'ready', info, source, loading: undefined });
    } catch (err) {
      const message = (err as Error).message;
      if (previous) set({ status: 'ready', loading: undefined, error: `${message} Still using ${previous.name}.` });
      else set({ status: 'error', loading: undefined, error: message });
    }
  },
  async setBackend(backend) {
    const { source, status } = get();
    set({ backend });
    if (source && status !== 'loading') await get().load(source, backend);
  },
}));

/** `?backend=wasm|webgpu` forces a backend; anything else lets the worker choose. */
export function backendFromUrl(search: string): BackendChoice {
  const b = new URLSearchParams(search).get('backend');
  return b === 'wasm' || b === 'webgpu' ? b : 'auto';
}

/** `?threads=N` asks for N WASM threads; anything else is Auto. */
export function threadsFromUrl(search: string): ThreadsChoice {
  const n = Number(new URLSearchParams(search).get('threads'));
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : 'auto';
}

/**
 * A new WASM thread count needs a fresh engine worker (onnxruntime-web reads it once), so the
 * page reloads with it in the link; what the link holds (model, pruning, problem set) comes back,
 * and sweeps and selectors are kept in this browser.
 */
export function reloadWithThreads(choice: ThreadsChoice): void {
  const url = new URL(location.href);
  if (choice === 'auto') url.searchParams.delete('threads');
  else url.searchParams.set('threads', String(choice));
  location.assign(url.href);
}
