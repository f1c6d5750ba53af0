/**
 * With `?bench` in the URL the page exposes a few actions on
 * `window.headlabBench`: bench/grid.ts sizes the grid like a large model
 * (28 x 16) without downloading one; bench/sprintTrain.ts trains a selector
 * in the engine worker and reads the worker's own timings; bench/browserSweep.ts
 * times a sweep in the worker; scripts/sprintInBrowser.ts trains a selector
 * on a whole sweep and runs the five-method comparison, as the SPRINT panel
 * does, at a scale the e2e tests cannot wait for.
 */
import { useHeadsStore } from '../store/headsStore';
import { useModelStore } from '../store/modelStore';
import { engineClient } from '../worker/client';
import type { FinalEvent } from '../worker/protocol';
import type { SweepFile } from '../engine/sweep/sweepSchema';
import type { SweepProblem } from '../engine/sweep/sweepSchema';
import { DEFAULT_TRAIN } from '../engine/sprint/trainSelector';
import type { DecodeMode } from '../engine/verify/greedyDecoding';

async function trainSelector(file: SweepFile): Promise<{ embed: number; train: number; epochs: number }> {
  const trainIndices = file.problems.map((_, i) => i);
  const { done } = engineClient().request<Extract<FinalEvent, { type: 'sprintTrained' }>>({
    type: 'sprintTrain', file, trainIndices, options: { ...DEFAULT_TRAIN }, encoder: 'mean-final-hidden',
  });
  const { seconds, selector } = await done;
  return { ...seconds, epochs: selector.losses.length };
}

/** Trains on every problem of `file` (as `sprint train --train-fraction 1`), then compares the five methods on `problems` (as `sprint eval`). */
async function sprintAtScale(file: SweepFile, problems: SweepProblem[], maxN: number) {
  const client = engineClient();
  const trained = await client.request<Extract<FinalEvent, { type: 'sprintTrained' }>>({
    type: 'sprintTrain', file, trainIndices: file.problems.map((_, i) => i), options: { ...DEFAULT_TRAIN }, encoder: 'mean-final-hidden',
  }).done;
  const start = performance.now();
  const { report } = await client.request<Extract<FinalEvent, { type: 'compared' }>>({
    type: 'sprintCompare', selector: trained.selector, problems, maxN, maxNewTokens: file.maxNewTokens ?? 64, seed: 0,
  }).done;
  return { selector: trained.selector, trainSeconds: trained.seconds, compareSeconds: (performance.now() - start) / 1000, report };
}

async function sweep(file: SweepFile, batchRows: number, decode?: DecodeMode): Promise<{ seconds: number; cells: number; file: SweepFile }> {
  const start = performance.now();
  const { done } = engineClient().request<Extract<FinalEvent, { type: 'swept' }>>({ type: 'sweep', file, batchRows, decode });
  const swept = (await done).file;
  return { seconds: (performance.now() - start) / 1000, cells: swept.cells.length, file: swept };
}

export function installBenchHooks(): void {
  if (!new URLSearchParams(location.search).has('bench')) return;
  (window as unknown as { headlabBench: object }).headlabBench = {
    resizeGrid: (layers: number, heads: number) => useHeadsStore.getState().resize(layers, heads),
    trainSelector,
    sweep,
    sprintAtScale,
    fingerprint: () => useModelStore.getState().info?.fingerprint,
  };
}
