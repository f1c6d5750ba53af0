/**
 * Choosing the next token: greedy argmax, or seeded sampling with
 * temperature, top-k and top-p (nucleus), as in HF generate().
 */

export interface SamplingOptions {
  /** Softmax temperature, > 0. */
  temperature: number;
  /** Keep only the k most likely tokens; 0 or absent keeps all. */
  topK?: number;
  /** Keep the smallest set of tokens whose probability reaches p; 1 or absent keeps all. */
  topP?: number;
  /** Seed of the row's random stream; rows mix in their index. */
  seed: number;
}

/** Index of the largest of `vocab` logits starting at `offset`. */
export function argmax(logits: Float32Array, offset: number, vocab: number): number {
  let best = offset;
  for (let i = offset + 1; i < offset + vocab; i++) if (logits[i] > logits[best]) best = i;
  return best - offset;
}

/** Indices of the k largest logits, in no particular order (a min-heap of size k). */
function topKIndices(logits: Float32Array, offset: number, vocab: number, k: number): number[] {
  const heap: number[] = [];
  const less = (a: number, b: number) => logits[offset + heap[a]] < logits[offset + heap[b]];
  const swap = (a: number, b: number) => ([heap[a], heap[b]] = [heap[b], heap[a]]);
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(l, m)) m = l;
      if (r < heap.length && less(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (let t = 0; t < vocab; t++) {
    if (heap.length < k) {
      heap.push(t);
      for (let i = heap.length - 1; i > 0 && less(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
    } else if (logits[offset + t] > logits[offset + heap[0]]) {
      heap[0] = t;
      down(0);
    }
  }
  return heap;
}

/**
 * Samples one token from `vocab` logits at `offset`.
 * @param random uniform [0, 1) source for this row
 */
export function sampleToken(logits: Float32Array, offset: number, vocab: number, options: SamplingOptions, random: () => number): number {
  if (!(options.temperature > 0)) return argmax(logits, offset, vocab);
  const k = options.topK && options.topK > 0 ? Math.min(options.topK, vocab) : vocab;
  const candidates = k < vocab ? topKIndices(logits, offset, vocab, k) : Array.from({ length: vocab }, (_, i) => i);
  candidates.sort((a, b) => logits[offset + b] - logits[offset + a] || a - b);

  const max = logits[offset + candidates[0]];
  const weights = candidates.map((t) => Math.exp((logits[offset + t] - max) / options.temperature));
  const total = weights.reduce((s, w) => s + w, 0);
  const topP = options.topP ?? 1;
  let kept = candidates.length;
  if (topP < 1) {
    let mass = 0;
    for (let i = 0; i < candidates.length; i++) {
      mass += weights[i] / total;
      if (mass >= topP) {
        kept = i + 1;
        break;
      }
    }
  }
  let keptTotal = 0;
  for (let i = 0; i < kept; i++) keptTotal += weights[i];
  let u = random() * keptTotal;
  for (let i = 0; i < kept; i++) {
    u -= weights[i];
    if (u < 0) return candidates[i];
  }
  return candidates[kept - 1];
}
