/**
 * The heads slice: which heads of the loaded model's layers x heads grid are
 * pruned. A flat row-major array, so each grid cell can subscribe to its
 * own entry and only toggled cells re-render.
 */
import { create } from 'zustand';

export type HeadRef = [number, number];

interface HeadsState {
  numLayers: number;
  numHeads: number;
  /** [layers * heads], true = pruned. */
  pruned: readonly boolean[];
  resize(numLayers: number, numHeads: number): void;
  toggle(layer: number, head: number): void;
  toggleLayer(layer: number): void;
  toggleHead(head: number): void;
  /** Sets every head of the box spanned by two corners to `value`. */
  setBox(a: HeadRef, b: HeadRef, value: boolean): void;
  setPruned(heads: readonly HeadRef[]): void;
  reset(): void;
}

export const useHeadsStore = create<HeadsState>((set, get) => {
  const update = (fn: (next: boolean[], numHeads: number) => void) => {
    const next = [...get().pruned];
    fn(next, get().numHeads);
    set({ pruned: next });
  };
  return {
    numLayers: 0,
    numHeads: 0,
    pruned: [],
    resize: (numLayers, numHeads) => set({ numLayers, numHeads, pruned: new Array(numLayers * numHeads).fill(false) }),
    toggle: (layer, head) => update((p, H) => (p[layer * H + head] = !p[layer * H + head])),
    // A whole row or column flips to pruned unless it already is entirely pruned.
    toggleLayer: (layer) =>
      update((p, H) => {
        const row = p.slice(layer * H, layer * H + H);
        row.fill(!row.every(Boolean));
        p.splice(layer * H, H, ...row);
      }),
    toggleHead: (head) =>
      update((p, H) => {
        const value = !p.filter((_, i) => i % H === head).every(Boolean);
        for (let i = head; i < p.length; i += H) p[i] = value;
      }),
    setBox: ([l0, h0], [l1, h1], value) =>
      update((p, H) => {
        for (let l = Math.min(l0, l1); l <= Math.max(l0, l1); l++) {
          for (let h = Math.min(h0, h1); h <= Math.max(h0, h1); h++) p[l * H + h] = value;
        }
      }),
    setPruned: (heads) =>
      update((p, H) => {
        p.fill(false);
        for (const [l, h] of heads) if (l < get().numLayers && h < H) p[l * H + h] = true;
      }),
    reset: () => set({ pruned: get().pruned.map(() => false) }),
  };
});

/** The current pruning as [layer, head] pairs, for requests to the worker. */
export function currentPrunedHeads(): HeadRef[] {
  const { pruned, numHeads } = useHeadsStore.getState();
  return prunedHeads(pruned, numHeads);
}

/** The pruned heads as [layer, head] pairs, layer-major. */
export function prunedHeads(pruned: readonly boolean[], numHeads: number): HeadRef[] {
  return pruned.flatMap((p, i) => (p ? [[Math.floor(i / numHeads), i % numHeads] as HeadRef] : []));
}
