/**
 * What a teacher-forced pass gives draft verification: each position's
 * argmax token and its margin, from the graph's greedy outputs or, for a
 * session without them, from its logits.
 */

/** DecoderSession.greedyRead's result. */
export interface GreedyRead {
  /** [batch, seq] argmax token per position. */
  tokens: Int32Array;
  /** [batch, seq] top logit minus the second. */
  margins: Float32Array;
  /** With draftNext: the rows whose argmax left it, and their keys and values. */
  diverged?: DivergedCache;
}

/** The cache of the rows of a read whose argmax left its draft (engine/onnx/divergedCacheOutputs). */
export interface DivergedCache {
  /** [n] indices of those rows in the read's batch, ascending. */
  rows: number[];
  /** Per cache tensor (2 * layer + 0 key, + 1 value): [n, kvHeads, seq, headDim]; holes for layers the read did not run. */
  kv: (Float32Array | Uint16Array)[];
}

/** greedy_tokens and greedy_margins from [positions, vocab] logits, for sessions without the outputs. */
export function greedyOfLogits(logits: Float32Array, vocab: number): GreedyRead {
  const n = logits.length / vocab;
  const tokens = new Int32Array(n);
  const margins = new Float32Array(n);
  for (let p = 0; p < n; p++) {
    let best = -Infinity;
    let second = -Infinity;
    for (let v = 0, at = p * vocab; v < vocab; v++, at++) {
      const x = logits[at];
      if (x > best) [second, best, tokens[p]] = [best, x, v];
      else if (x > second) second = x;
    }
    margins[p] = best - second;
  }
  return { tokens, margins };
}
