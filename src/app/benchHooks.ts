/**
 * With `?bench` in the URL the page exposes a few store actions on
 * `window.headlabBench`, so bench/grid.ts can size the grid like a large
 * model (28 x 16) without downloading one.
 */
import { useHeadsStore } from '../store/headsStore';

export function installBenchHooks(): void {
  if (!new URLSearchParams(location.search).has('bench')) return;
  (window as unknown as { headlabBench: object }).headlabBench = {
    resizeGrid: (layers: number, heads: number) => useHeadsStore.getState().resize(layers, heads),
  };
}
