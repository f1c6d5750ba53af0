/**
 * Batched generation with a KV cache. Each row has its own prompt, its own
 * head mask and its own random stream; prompts are left-padded, and
 * attention_mask / position_ids keep the padding invisible, so a row's
 * tokens do not depend on what else is in the batch. Sessions that cannot
 * take padding (fused GroupQueryAttention) run one batch per prompt length.
 */
import type { Tensor } from 'onnxruntime-common';
import type { DecoderSession } from './decoderSession';
import { ContextLengthError, InvalidRequestError } from './errors';
import { mixSeed, mulberry32 } from '../problems/rng';
import { argmax, sampleToken, type SamplingOptions } from './sampling';
import { HostKvCache } from './kvCache';
import { checkpoint } from './checkpoint';
import { rowsOf, runByLength } from './lengthGroups';

export interface GenerateOptions {
  maxNewTokens: number;
  /** Absent: greedy. */
  sampling?: SamplingOptions;
  /** Per-row seed index mixed into sampling.seed; defaults to the row index. */
  rowSeeds?: number[];
  /** [batch, layers, heads] row-major, 1 keeps and 0 prunes; needs a session with head_mask. */
  headMask?: Float32Array;
  /** A row stops once its decoded text contains one of these. */
  stopStrings?: string[];
  /** Needed with stopStrings: token ids to text. */
  decode?: (ids: number[]) => string;
  /** Stops within one step of being aborted, throwing the signal's reason. */
  signal?: AbortSignal;
  /** Called after every step with each row's new tokens so far. */
  onStep?: (tokens: readonly number[][]) => void;
}

function checkRequest(decoder: DecoderSession, prompts: number[][], options: GenerateOptions): void {
  const { spec } = decoder;
  if (prompts.some((p) => p.length === 0)) throw new InvalidRequestError('Every prompt needs at least one token.');
  const width = Math.max(...prompts.map((p) => p.length));
  if (width + options.maxNewTokens > spec.maxPositions) throw new ContextLengthError(width, options.maxNewTokens, spec.maxPositions);
  if (options.headMask) {
    if (!decoder.hasHeadMask) throw new InvalidRequestError('This session has no head_mask input: load the model with head masking enabled.');
    const want = prompts.length * spec.numLayers * spec.numHeads;
    if (options.headMask.length !== want) {
      throw new InvalidRequestError(
        `head_mask has ${options.headMask.length} values; [batch ${prompts.length}, layers ${spec.numLayers}, heads ${spec.numHeads}] needs ${want}.`,
      );
    }
  }
  if (options.stopStrings?.length && !options.decode) throw new InvalidRequestError('stopStrings need a decode function.');
}

/** Left-padded [batch, width] ids, attention mask and positions for the prompts. */
export function padPrompts(prompts: number[][], pad: bigint): { ids: BigInt64Array<ArrayBuffer>; mask: BigInt64Array<ArrayBuffer>; pos: BigInt64Array<ArrayBuffer> } {
  const batch = prompts.length;
  const width = Math.max(...prompts.map((p) => p.length));
  const ids = new BigInt64Array(batch * width).fill(pad);
  const mask = new BigInt64Array(batch * width);
  const pos = new BigInt64Array(batch * width);
  prompts.forEach((p, b) => {
    const start = b * width + width - p.length;
    p.forEach((t, j) => {
      ids[start + j] = BigInt(t);
      mask[start + j] = 1n;
      pos[start + j] = BigInt(j);
    });
  });
  return { ids, mask, pos };
}

/** Rows `keep` of each [rows, ...] CPU cache tensor; disposes the originals. */
function dropRows(decoder: DecoderSession, past: Tensor[], keep: number[], rows: number): Tensor[] {
  return past.map((t) => {
    const kept = new decoder.Tensor(t.type as 'float32', rowsOf(t.data as Float32Array, keep, t.size / rows), [keep.length, ...t.dims.slice(1)]);
    t.dispose();
    return kept;
  });
}

/** Appends one attended column to a [batch, total] mask. */
function growMask(mask: BigInt64Array, batch: number): BigInt64Array<ArrayBuffer> {
  const total = mask.length / batch;
  const grown = new BigInt64Array(mask.length + batch);
  for (let b = 0; b < batch; b++) {
    grown.set(mask.subarray(b * total, (b + 1) * total), b * (total + 1));
    grown[b * (total + 1) + total] = 1n;
  }
  return grown;
}

/**
 * Generates for every row until its end-of-sequence token, a stop string or
 * maxNewTokens. The end-of-sequence token itself is not returned.
 * @param prompts one token-id array per row
 * @returns new token ids per row
 */
export async function generate(decoder: DecoderSession, prompts: number[][], options: GenerateOptions): Promise<number[][]> {
  if (prompts.length === 0) return [];
  checkRequest(decoder, prompts, options);
  if (decoder.paddedBatches || new Set(prompts.map((p) => p.length)).size === 1) return generateBatch(decoder, prompts, options);
  const width = decoder.spec.numLayers * decoder.spec.numHeads;
  const all: number[][] = prompts.map(() => []);
  const { onStep } = options;
  return runByLength(prompts.map((p) => p.length), (rows) =>
    generateBatch(decoder, rows.map((r) => prompts[r]), {
      ...options,
      // Each row keeps the random stream and the head mask it has in the whole batch.
      rowSeeds: rows.map((r) => options.rowSeeds?.[r] ?? r),
      headMask: options.headMask && rowsOf(options.headMask, rows, width),
      onStep: onStep && ((tokens) => {
        rows.forEach((r, i) => (all[r] = tokens[i] as number[]));
        onStep(all);
      }),
    }),
  );
}

/** generate() for one padded batch. */
function generateBatch(decoder: DecoderSession, prompts: number[][], options: GenerateOptions): Promise<number[][]> {
  const { ids, mask, pos } = padPrompts(prompts, BigInt(decoder.spec.padTokenId));
  const width = mask.length / prompts.length;
  const { spec } = decoder;
  // With kv_step outputs the cache lives here and only each step's slice leaves the runtime (see kvCache).
  const cache = decoder.hasKvStep ? new HostKvCache(decoder.Tensor, 2 * spec.numLayers, prompts.length, spec.numKvHeads, spec.headDim, width + options.maxNewTokens, decoder.kvType) : undefined;
  return decodeFrom(decoder, { ids, mask, pos, nextPos: prompts.map((p) => p.length), out: prompts.map(() => []), cache }, options);
}

/** Where a batch's decoding starts: a prompt to read, or a cache already filled and each row's next token. */
export interface DecodeStart {
  /** [batch, seq] ids to feed first. */
  ids: BigInt64Array;
  /** [batch, cached + seq] attention mask. */
  mask: BigInt64Array;
  /** [batch, seq] positions of ids. */
  pos: BigInt64Array;
  /** Each row's position after ids. */
  nextPos: number[];
  /** Each row's answer so far: decoding appends to these arrays. */
  out: number[][];
  /** A kv_step session's cache (empty when reading a prompt); absent for sessions that return present whole. */
  cache?: HostKvCache;
}

/**
 * Greedy or sampled decoding from `start` until every row ends or its
 * answer holds options.maxNewTokens tokens.
 * @returns start.out, grown
 */
export async function decodeFrom(decoder: DecoderSession, start: DecodeStart, options: GenerateOptions): Promise<number[][]> {
  const { spec } = decoder;
  const eos = new Set(spec.eosTokenIds);
  const { sampling, stopStrings, decode } = options;
  const { out, nextPos, cache } = start;
  const batch = out.length;
  const randoms = out.map((_, b) => mulberry32(mixSeed(sampling?.seed ?? 0, options.rowSeeds?.[b] ?? b)));
  let { ids, mask, pos } = start;
  const done = out.map((o) => o.length >= options.maxNewTokens);
  // Rows still generating, by original index: finished rows leave the batch.
  let rows = out.map((_, b) => b);
  let headMask = options.headMask;
  let past = cache ? [] : decoder.emptyPast(batch);
  try {
    while (!done.every(Boolean)) {
      await checkpoint(options.signal);
      const n = rows.length;
      const seq = ids.length / n;
      if (cache) past = cache.length ? cache.tensors() : decoder.emptyPast(n);
      const { lastLogits, present, kvStep } = await decoder.step({ inputIds: ids, attentionMask: mask, positionIds: pos, batch: n, past, headMask, stepOnly: !!cache });
      past = present;
      const vocab = lastLogits.length / n;
      ids = new BigInt64Array(n);
      pos = new BigInt64Array(n);
      rows.forEach((b, i) => {
        const token = sampling ? sampleToken(lastLogits, i * vocab, vocab, sampling, randoms[b]) : argmax(lastLogits, i * vocab, vocab);
        ids[i] = BigInt(token);
        pos[i] = BigInt(nextPos[b]++);
        if (done[b]) return;
        if (eos.has(token)) done[b] = true;
        else {
          out[b].push(token);
          if (out[b].length >= options.maxNewTokens || (stopStrings?.length && stopStrings.some((s) => decode!(out[b]).includes(s)))) done[b] = true;
        }
      });
      mask = growMask(mask, n);
      options.onStep?.(out);
      if (done.every(Boolean)) break;

      const keep = rows.flatMap((b, i) => (done[b] ? [] : [i]));
      // The host cache drops finished rows in the copy it makes anyway; a cache the runtime
      // returns whole is compacted only once enough rows finished to pay for the extra copy.
      let compact = keep.length < n;
      if (cache) cache.append(kvStep!, seq, keep);
      else if (keep.length <= 0.75 * n && past.every((t) => t.location === 'cpu')) past = dropRows(decoder, past, keep, n);
      else compact = false;
      if (compact) {
        ids = rowsOf(ids, keep, 1);
        pos = rowsOf(pos, keep, 1);
        mask = rowsOf(mask, keep, mask.length / n);
        if (headMask) headMask = rowsOf(headMask, keep, spec.numLayers * spec.numHeads);
        rows = keep.map((i) => rows[i]);
      }
    }
  } finally {
    for (const t of past) t.dispose();
  }
  return out;
}
