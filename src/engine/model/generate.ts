/**
 * Batched greedy generation with a KV cache. Each row has its own prompt;
 * prompts are left-padded, and attention_mask / position_ids keep the padding
 * invisible, so a row's tokens do not depend on what else is in the batch.
 */
import type { DecoderSession } from './decoderSession';
import { ContextLengthError, InvalidRequestError } from './errors';

export interface GenerateOptions {
  maxNewTokens: number;
  /** Stops within one step of being aborted, throwing the signal's reason. */
  signal?: AbortSignal;
  /** Called after every step with each row's new tokens so far. */
  onStep?: (tokens: readonly number[][]) => void;
}

/** Index of the largest of `vocab` logits starting at `offset`. */
export function argmax(logits: Float32Array, offset: number, vocab: number): number {
  let best = offset;
  for (let i = offset + 1; i < offset + vocab; i++) if (logits[i] > logits[best]) best = i;
  return best - offset;
}

/**
 * Greedy decoding of every row until its end-of-sequence token or
 * maxNewTokens. The end-of-sequence token itself is not returned.
 * @param prompts one token-id array per row
 * @returns new token ids per row
 */
export async function generateGreedy(decoder: DecoderSession, prompts: number[][], options: GenerateOptions): Promise<number[][]> {
  const { spec } = decoder;
  const batch = prompts.length;
  if (batch === 0) return [];
  if (prompts.some((p) => p.length === 0)) throw new InvalidRequestError('Every prompt needs at least one token.');
  const width = Math.max(...prompts.map((p) => p.length));
  if (width + options.maxNewTokens > spec.maxPositions) {
    throw new ContextLengthError(width, options.maxNewTokens, spec.maxPositions);
  }
  const eos = new Set(spec.eosTokenIds);
  const pad = BigInt(spec.padTokenId);

  let ids = new BigInt64Array(batch * width).fill(pad);
  let mask = new BigInt64Array(batch * width);
  let pos = new BigInt64Array(batch * width);
  const nextPos: number[] = [];
  prompts.forEach((p, b) => {
    const start = b * width + width - p.length;
    p.forEach((t, j) => {
      ids[start + j] = BigInt(t);
      mask[start + j] = 1n;
      pos[start + j] = BigInt(j);
    });
    nextPos.push(p.length);
  });

  const out: number[][] = prompts.map(() => []);
  const done = new Array<boolean>(batch).fill(false);
  let past = decoder.emptyPast(batch);
  try {
    for (let stepIndex = 0; stepIndex < options.maxNewTokens; stepIndex++) {
      options.signal?.throwIfAborted();
      const { lastLogits, present } = await decoder.step(ids, mask, pos, batch, past);
      past = present;
      const vocab = lastLogits.length / batch;
      ids = new BigInt64Array(batch);
      pos = new BigInt64Array(batch);
      for (let b = 0; b < batch; b++) {
        const token = argmax(lastLogits, b * vocab, vocab);
        ids[b] = BigInt(token);
        pos[b] = BigInt(nextPos[b]++);
        if (done[b]) continue;
        if (eos.has(token)) done[b] = true;
        else out[b].push(token);
      }
      const grown = new BigInt64Array(mask.length + batch);
      const total = mask.length / batch;
      for (let b = 0; b < batch; b++) {
        grown.set(mask.subarray(b * total, (b + 1) * total), b * (total + 1));
        grown[b * (total + 1) + total] = 1n;
      }
      mask = grown;
      options.onStep?.(out);
      if (done.every(Boolean)) break;
    }
  } finally {
    for (const t of past) t.dispose();
  }
  return out;
}
