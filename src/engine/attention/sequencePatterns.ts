/**
 * Attention patterns of whole sequences, without their padding: what the
 * CLI prints, the app draws and the head-role scores read. A batch is run
 * left-padded in one pass; each row's patterns are then cut back to its own
 * tokens, so row i, column j is "query token i over key token j".
 */
import type { DecoderSession } from '../model/decoderSession';
import { runAttention } from './runAttention';

/** One layer's patterns for one sequence of n tokens. */
export interface LayerPattern {
  layer: number;
  /** [heads, n, n], row-major: weights[h][i][j] is how much query i attends to key j (0 for j > i). */
  weights: Float32Array;
}

export interface SequencePatterns {
  /** The sequence's token ids, [n]. */
  ids: number[];
  layers: LayerPattern[];
}

export interface PatternOptions {
  /** [layers, heads] for every row (1 keeps, 0 prunes); nothing pruned when absent. */
  headMask?: Float32Array;
  /** The layers to read; all when absent. */
  layers?: number[];
}

/** [rows, ...mask] from one [layers, heads] mask. */
function repeatMask(mask: Float32Array, rows: number): Float32Array {
  const out = new Float32Array(mask.length * rows);
  for (let r = 0; r < rows; r++) out.set(mask, r * mask.length);
  return out;
}

/**
 * The patterns of each row of `rows`, from one forward pass.
 * @param rows token ids per sequence, [batch][n_b]
 * @returns per row, per layer, [heads, n_b, n_b]
 */
export async function sequencePatterns(decoder: DecoderSession, rows: number[][], options: PatternOptions = {}): Promise<SequencePatterns[]> {
  const headMask = options.headMask ? repeatMask(options.headMask, rows.length) : undefined;
  const run = await runAttention(decoder, rows, { headMask, layers: options.layers });
  const heads = decoder.spec.numHeads;
  const { width } = run;
  return rows.map((ids, b) => {
    const n = ids.length;
    const offset = width - n;
    const layers = run.layers.map((layer, k) => {
      const probs = run.probs[k];
      const weights = new Float32Array(heads * n * n);
      for (let h = 0; h < heads; h++) {
        for (let i = 0; i < n; i++) {
          const from = ((b * heads + h) * width + offset + i) * width + offset;
          weights.set(probs.subarray(from, from + n), (h * n + i) * n);
        }
      }
      return { layer, weights };
    });
    return { ids, layers };
  });
}
