/**
 * With `?bench` in the URL, `window.headlabAttention.prepare(n)` then
 * `show()` put an n-token view (seeded random causal softmax rows) on screen, so the
 * drawing can be timed beyond the bundled model's 256-token context
 * (e2e/attention-draw.spec.ts times 300 tokens).
 */
import type { AttentionView } from '../../engine/attention/attentionView';
import { mulberry32 } from '../../engine/problems/rng';
import { useAttentionStore } from '../../store/attentionStore';

function syntheticView(n: number, numHeads: number): AttentionView {
  const random = mulberry32(n);
  const before = new Float32Array(numHeads * n * n);
  for (let h = 0; h < numHeads; h++) {
    for (let q = 0; q < n; q++) {
      const row = before.subarray((h * n + q) * n, (h * n + q) * n + q + 1);
      let sum = 0;
      for (let k = 0; k <= q; k++) sum += row[k] = Math.exp(4 * random());
      for (let k = 0; k <= q; k++) row[k] /= sum;
    }
  }
  const tokens = Array.from({ length: n }, (_, i) => `t${i}`);
  return { tokens, promptLength: n, layer: 0, numHeads, before, after: before.map((v) => v * 0.9), prune: [[0, 1]] };
}

export function installAttentionBench(): void {
  if (typeof location === 'undefined' || !new URLSearchParams(location.search).has('bench')) return;
  let prepared: AttentionView | undefined;
  (window as unknown as { headlabAttention: object }).headlabAttention = {
    /** Builds the view: apart from showing it, so timing the drawing does not time this. */
    prepare(n: number, numHeads = 8) {
      prepared = syntheticView(n, numHeads);
    },
    show() {
      useAttentionStore.setState({ inspect: true, status: 'done', selected: [0, 0], view: prepared, viewFor: undefined });
    },
  };
}
