/**
 * With `?bench` in the URL the page exposes a few actions on
 * `window.headlabBench`: bench/grid.ts sizes the grid like a large model
 * (28 x 16) without downloading one; bench/sprintTrain.ts trains a selector
 * in the engine worker and reads the worker's own timings.
 */
import { useHeadsStore } from '../store/headsStore';
import { engineClient } from '../worker/client';
import type { FinalEvent } from '../worker/protocol';
import type { SweepFile } from '../engine/sweep/sweepSchema';
import { DEFAULT_TRAIN } from '../engine/sprint/trainSelector';

async function trainSelector(file: SweepFile): Promise<{ embed: number; train: number; epochs: number }> {
  const trainIndices = file.problems.map((_, i) => i);
  const { done } = engineClient().request<Extract<FinalEvent, { type: 'sprintTrained' }>>({
    type: 'sprintTrain', file, trainIndices, options: { ...DEFAULT_TRAIN }, encoder: 'mean-final-hidden',
  });
  const { seconds, selector } = await done;
  return { ...seconds, epochs: selector.losses.length };
}

export function installBenchHooks(): void {
  if (!new URLSearchParams(location.search).has('bench')) return;
  (window as unknown as { headlabBench: object }).headlabBench = {
    resizeGrid: (layers: number, heads: number) => useHeadsStore.getState().resize(layers, heads),
    trainSelector,
  };
}
