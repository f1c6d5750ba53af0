/**
 * The truncate slice: the chosen layer, matrix and kept fraction, the
 * truncation the worker's model carries now (every run, comparison and
 * sweep uses it), its proof, and the truncation sweep. The applied
 * truncation lives in the URL as ?truncate=L.MATRIX:KEEP.
 */
import { create } from 'zustand';
import { engineClient } from '../worker/client';
import type { FinalEvent, WorkerEvent } from '../worker/protocol';
import type { CheckResult } from '../engine/check/headMaskCheck';
import type { TruncationReport } from '../engine/truncate/truncateWeights';
import { formatTruncation, parseTruncations, type MatrixKind } from '../engine/truncate/truncationSpec';
import { truncationSweepConfigs } from '../engine/truncate/truncationSweep';
import { sweepProblemOf, SWEEP_SCHEMA, SWEEP_VERSION, type SweepFile } from '../engine/sweep/sweepSchema';
import type { Problem } from '../engine/problems/problem';
import { useModelStore } from './modelStore';
import { activeTruncation } from './activeTruncation';
import { useLinkStore } from './linkStore';

/** The slider's stops: kept fractions on a log scale. */
/** The slider's kept fractions, least kept first: moving right keeps more. */
export const KEEP_STEPS = [0.01, 0.05, 0.1, 0.2, 0.5, 1] as const;
/** The fractions a truncation sweep covers. */
export const SWEEP_FRACTIONS = [0.5, 0.2, 0.05];

type Status = 'idle' | 'running' | 'done' | 'error';

interface TruncateState {
  layer: number;
  matrix: MatrixKind;
  /** Index into KEEP_STEPS. */
  step: number;
  /** The truncations the worker's model carries, as text. */
  active: string[];
  reports: TruncationReport[];
  status: Status;
  error?: string;
  /** The proofs, and the truncations they ran on (none: the sample on the middle layer). */
  check: { status: Status; results?: CheckResult[]; error?: string; of?: string[] };
  sweep: { status: Status; file?: SweepFile; done: number; total: number; error?: string; id?: number };
  choose(patch: Partial<Pick<TruncateState, 'layer' | 'matrix' | 'step'>>): void;
  apply(truncations: string[]): Promise<void>;
  verify(): Promise<void>;
  /** Sweeps every layer at SWEEP_FRACTIONS for `matrices` over `problems`. */
  startSweep(problems: Problem[], matrices: MatrixKind[], maxNewTokens: number): Promise<void>;
  cancelSweep(): void;
}

/** Says on the page that the link's truncation could not be used, and takes it out of the link. */
function refuseLinkTruncation(why: string): void {
  useLinkStore.getState().addIgnored(`truncate=${new URLSearchParams(location.search).get('truncate') ?? ''}: ${why}`);
  writeUrl([]);
}

function writeUrl(active: string[]): void {
  const q = new URLSearchParams(location.search);
  if (active.length) q.set('truncate', active.join(','));
  else q.delete('truncate');
  const s = q.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
  history.replaceState(history.state, '', `${location.pathname}${s ? `?${s}` : ''}`);
}

export const useTruncateStore = create<TruncateState>((set, get) => ({
  layer: 0,
  matrix: 'mlp.down',
  step: KEEP_STEPS.indexOf(0.1),
  active: [],
  reports: [],
  status: 'idle',
  check: { status: 'idle' },
  sweep: { status: 'idle', done: 0, total: 0 },
  choose: (patch) => set(patch),
  async apply(truncations) {
    set({ status: 'running', error: undefined });
    try {
      const { reports } = await engineClient().request<Extract<FinalEvent, { type: 'truncated' }>>({ type: 'truncate', truncations }).done;
      set({ status: 'done', active: truncations, reports });
      activeTruncation.set(truncations);
      writeUrl(truncations);
    } catch (err) {
      set({ status: 'error', error: (err as Error).message });
    }
  },
  async verify() {
    const truncations = get().active;
    set({ check: { status: 'running' } });
    try {
      const { results } = await engineClient().request<Extract<FinalEvent, { type: 'truncationChecked' }>>({ type: 'checkTruncation', truncations }).done;
      set({ check: { status: 'done', results, of: truncations } });
    } catch (err) {
      set({ check: { status: 'error', error: (err as Error).message } });
    }
  },
  async startSweep(problems, matrices, maxNewTokens) {
    const info = useModelStore.getState().info;
    if (!info) return;
    const { configs, truncations } = truncationSweepConfigs(info.spec.numLayers, SWEEP_FRACTIONS, matrices);
    const file: SweepFile = {
      schema: SWEEP_SCHEMA, version: SWEEP_VERSION, mode: 'generate', maxNewTokens,
      model: { name: info.name, fingerprint: info.fingerprint, numLayers: info.spec.numLayers, numHeads: info.spec.numHeads },
      problems: problems.map(sweepProblemOf),
      configs, truncations, cells: [],
    };
    const total = configs.length * problems.length;
    const onEvent = (e: WorkerEvent) => {
      if (e.type !== 'sweepCells') return;
      set((s) => ({ sweep: { ...s.sweep, done: e.done, file: s.sweep.file && { ...s.sweep.file, cells: [...s.sweep.file.cells, ...e.cells] } } }));
    };
    const { id, done } = engineClient().request<Extract<FinalEvent, { type: 'swept' }>>({ type: 'sweep', file, batchRows: 16 }, onEvent);
    set({ sweep: { status: 'running', file, done: 0, total, id } });
    try {
      const result = await done;
      set({ sweep: { status: 'done', file: result.file, done: total, total } });
    } catch (err) {
      set((s) => ({ sweep: { ...s.sweep, status: 'error', error: (err as Error).message, id: undefined } }));
    }
  },
  cancelSweep() {
    const { id } = get().sweep;
    if (id !== undefined) engineClient().cancel(id);
  },
}));

// A newly loaded model carries no truncation (the worker drops it); one named in the link is applied to it.
useModelStore.subscribe((s, prev) => {
  if (s.info?.fingerprint === prev.info?.fingerprint) return;
  activeTruncation.set([]);
  useTruncateStore.setState({ active: [], reports: [], status: 'idle', check: { status: 'idle' }, sweep: { status: 'idle', done: 0, total: 0 } });
  const text = new URLSearchParams(location.search).get('truncate');
  if (!s.info || !text) return;
  let wanted: string[];
  try {
    wanted = parseTruncations(text).map(formatTruncation);
  } catch (err) {
    return refuseLinkTruncation((err as Error).message);
  }
  void useTruncateStore.getState().apply(wanted).then(() => {
    const { status, error } = useTruncateStore.getState();
    if (status === 'error') refuseLinkTruncation(error ?? 'the model could not take it');
  });
});
