/**
 * Attention weights recomputed in float64 from a layer's own queries and
 * keys, outside the graph: softmax(q·k / √headDim) over the keys that are
 * not padding and not after the query. The tests hold the graph's
 * attention_probs (and the CLI's and app's numbers) against this.
 */
import type { DecoderSpec } from '../../model/modelConfig';
import type { AttentionRun } from '../runAttention';

/**
 * Row `q` of head `h` in fetched layer `k` of row `b`: [width] weights.
 * @param run a run with queriesAndKeys: queries [b, h, w, d], keys [b, kvHeads, d, w]
 */
export function recomputeRow(run: AttentionRun, spec: DecoderSpec, k: number, b: number, h: number, q: number): number[] {
  const { width } = run;
  const { headDim: d, numHeads: heads, numKvHeads: kvHeads } = spec;
  const kh = Math.floor(h / (heads / kvHeads));
  const queries = run.queries![k];
  const keys = run.keys![k];
  const scores = Array.from({ length: width }, (_, key) => {
    if (key > q || run.attentionMask[b * width + key] === 0n) return -Infinity;
    let s = 0;
    for (let i = 0; i < d; i++) s += queries[((b * heads + h) * width + q) * d + i] * keys[((b * kvHeads + kh) * d + i) * width + key];
    return s / Math.sqrt(d);
  });
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, v) => a + v, 0);
  return exp.map((e) => e / sum);
}
