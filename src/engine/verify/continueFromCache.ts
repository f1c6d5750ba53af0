/**
 * Decoding on from where a row left its draft, from the cache the
 * verification pass computed (verify/verifyRead): the row's keys and values
 * for its prompt and the draft tokens it agreed with are already there, so
 * it starts with its own first token off the draft as a one-token step. The
 * other way, verify/continueRows, reads prompt and prefix again; it stays
 * for rows without a cache and for checking (VerifiedOptions.reuseCache).
 * This module decodes fixed groups of such rows: the way before
 * verify/continueInFlow, which keeps the batch full as rows end; it stays
 * for sessions that cannot take left padding and for checking
 * (VerifiedOptions.cachedDecoding: 'groups').
 */
import type { DecoderSession } from '../model/decoderSession';
import { decodeFrom, type GenerateOptions } from '../model/generate';
import { HostKvCache } from '../model/kvCache';
import { rowsOf } from '../model/lengthGroups';
import type { Continuation } from './continueRows';
import type { RowKv } from './verifyRead';
import { pastSource, writeLeftPadded } from './leftPadRows';

/** A continuation with the cache of its prompt and agreed prefix. */
export interface CachedContinuation extends Continuation {
  past: {
    /** 2 * numLayers tensors [kvHeads, seq, headDim] (seq at least `length`). */
    kv: RowKv[];
    /** Positions of kv that hold the prompt and the agreed prefix: the rest was read past the divergence and is dropped. */
    length: number;
  };
}

/**
 * Grows each continuation's answer to where greedy decoding ends it, in one batch.
 * @param options maxNewTokens bounds each whole answer; headMask is [rows, layers, heads] over all rows
 */
export async function continueFromCache(decoder: DecoderSession, group: CachedContinuation[], options: Pick<GenerateOptions, 'maxNewTokens' | 'headMask' | 'signal'>): Promise<void> {
  if (group.length === 0) return;
  const { spec } = decoder;
  const n = group.length;
  const heads = spec.numKvHeads;
  const dim = spec.headDim;
  const width = Math.max(...group.map((c) => c.past.length));
  // Each row's cache, left-padded to the longest: the attention mask hides the pad positions, as in a padded prompt.
  const tensors = Array.from({ length: 2 * spec.numLayers }, (_, t) => {
    const out = decoder.kvType === 'float16' ? new Uint16Array(n * heads * width * dim) : new Float32Array(n * heads * width * dim);
    writeLeftPadded(out, 0, width, heads, dim, group.map(({ past }) => pastSource(past.kv[t], past.length, heads, dim)));
    return out;
  });
  const cache = new HostKvCache(decoder.Tensor, 2 * spec.numLayers, n, heads, dim, width + options.maxNewTokens, decoder.kvType);
  cache.append(tensors, width, group.map((_, i) => i));
  const mask = new BigInt64Array(n * (width + 1));
  group.forEach(({ past }, i) => mask.fill(1n, i * (width + 1) + width - past.length, (i + 1) * (width + 1)));
  const perRow = spec.numLayers * spec.numHeads;
  await decodeFrom(
    decoder,
    {
      ids: BigInt64Array.from(group, (c) => BigInt(c.answer[c.answer.length - 1])),
      mask,
      pos: BigInt64Array.from(group, (c) => BigInt(c.past.length)),
      nextPos: group.map((c) => c.past.length + 1),
      out: group.map((c) => c.answer),
      cache,
    },
    { maxNewTokens: options.maxNewTokens, headMask: options.headMask && rowsOf(options.headMask, group.map((c) => c.row), perRow), signal: options.signal },
  );
}
