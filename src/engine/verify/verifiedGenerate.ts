/**
 * Draft-verified greedy decoding: generate()'s greedy answers for pruned
 * rows, confirmed instead of decoded where pruning leaves them unchanged.
 *
 * Greedy decoding is deterministic, so one teacher-forced pass checks an
 * answer. Each row reads its prompt plus the draft (the unpruned answer to
 * that prompt) under its own head mask, and the graph gives the argmax at
 * every position (engine/onnx/greedyOutputs). Where every argmax equals the
 * draft's next token, and the end-of-sequence after it, the row's greedy
 * answer is the draft. Where they first differ, the answer is the agreed
 * prefix plus the row's own argmax there, and decoding goes on from that
 * point. This is speculative decoding's verification step with the
 * unpruned model as the drafter: most single-head prunings leave a greedy
 * answer as it was, so most rows end after one pass.
 *
 * Stop strings are not supported: no greedy caller uses them.
 */
import type { DecoderSession } from '../model/decoderSession';
import { generate, padPrompts, type GenerateOptions } from '../model/generate';
import { InvalidRequestError } from '../model/errors';
import { checkpoint } from '../model/checkpoint';
import { groupByLength, rowsOf } from '../model/lengthGroups';
import { continueRows, type Continuation } from './continueRows';
import { continueFromCache, type CachedContinuation } from './continueFromCache';
import { continueInFlow } from './continueInFlow';
import { firstPrunedLayers, keptPositions, readChunk, type StreamCache } from './verifyRead';

/**
 * The most bytes of rows' caches one call keeps for decoding on, unless told otherwise; rows
 * past it read prompt and prefix again. On the bundled model a 16-batch call keeps about 50 MB.
 */
const CACHE_BUDGET_BYTES = 256 * 1024 * 1024;

export interface VerifiedOptions extends Omit<GenerateOptions, 'sampling' | 'rowSeeds' | 'stopStrings' | 'decode' | 'onStep'> {
  /** Per row, the unpruned greedy answer to its prompt (no end-of-sequence token); decoded here when absent. */
  drafts?: number[][];
  /** The most rows one pass reads, in verification and in decoding on; all rows when absent. */
  chunkRows?: number;
  /** Called once with what verification found. */
  onStats?(stats: VerifyStats): void;
  /**
   * Whether rows that leave their draft decode on from the verification pass's cache (default, where the
   * session can give it) or read prompt and prefix again (false: the earlier way, kept for checking).
   */
  reuseCache?: boolean;
  /** The most bytes of caches kept for decoding on (CACHE_BUDGET_BYTES when absent); rows past it read again. */
  cacheBudgetBytes?: number;
  /**
   * How rows decode on from the pass's cache: in one batch that rows join as others end (verify/continueInFlow, the default),
   * or in fixed groups (verify/continueFromCache: the earlier way, kept for checking).
   */
  cachedDecoding?: 'flow' | 'groups';
}

/** Where a row's greedy answer first left its draft. */
export interface Divergence {
  row: number;
  /** Index into the answer of the first token that differs (the draft's length when the row did not stop where the draft did). */
  at: number;
  /** The row's top logit minus its runner-up at that step. */
  margin: number;
}

export interface VerifyStats {
  rows: number;
  /** Distinct prompts decoded unpruned for drafts (0 when drafts were given). */
  drafted: number;
  /** Rows run through the verification pass (rows whose mask prunes nothing take the draft as it is). */
  verified: number;
  divergences: Divergence[];
  /** Rows that decoded on after their divergence (the rest ended at it). */
  continued: number;
  /** Of those, the rows that decoded on from the verification pass's cache (the rest read their prompts again). */
  fromCache: number;
}

/**
 * Greedy answers, the same as generate() without sampling gives.
 * @param prompts one token-id array per row
 * @returns new token ids per row, end-of-sequence not included
 */
export async function generateVerified(decoder: DecoderSession, prompts: number[][], options: VerifiedOptions): Promise<number[][]> {
  const rows = prompts.length;
  if (rows === 0) return [];
  if (options.drafts && options.drafts.length !== rows) throw new InvalidRequestError(`${options.drafts.length} drafts for ${rows} prompts.`);
  const { spec } = decoder;
  const perRow = spec.numLayers * spec.numHeads;
  const { drafts, drafted } = options.drafts ? { drafts: options.drafts, drafted: 0 } : await draftsFor(decoder, prompts, options);
  const answers: number[][] = drafts.map((d) => [...d]);
  const pruned = (r: number) => !!options.headMask?.subarray(r * perRow, (r + 1) * perRow).some((v) => v !== 1);
  const toVerify = prompts.map((_, r) => r).filter(pruned);
  const divergences: Divergence[] = [];
  const continuing: Continuation[] = [];
  const cached: CachedContinuation[] = [];
  let cacheBytes = 0;
  const eos = new Set(spec.eosTokenIds);
  const max = options.maxNewTokens;

  const length = (r: number) => prompts[r].length + drafts[r].length;
  const layers = decoder.layerSkip ? firstPrunedLayers(options.headMask, rows, spec.numLayers, spec.numHeads) : undefined;
  const order = (r: number) => (layers ? layers[r] * 1e6 : 0) + length(r);
  const streams: StreamCache = new Map();
  for (const group of chunks(toVerify, order, decoder.paddedBatches, options.chunkRows)) {
    await checkpoint(options.signal);
    const sequences = group.map((r) => [...prompts[r], ...drafts[r]]);
    const { ids, mask, pos } = padPrompts(sequences, BigInt(spec.padTokenId));
    const width = ids.length / group.length;
    const headMask = options.headMask && rowsOf(options.headMask, group, perRow);
    const keys = sequences.map((s) => s.join(','));
    // A draft that ended by its end-of-sequence token, not by the length limit: that ending is checked too.
    const checked = (r: number) => (drafts[r].length < max ? drafts[r].length + 1 : drafts[r].length);
    // Only the answers' positions (from the prompt's last, on) are read: rows are left-padded, so they are the last `keep` of every row.
    const keep = Math.max(...group.map((r) => drafts[r].length + 1));
    const kept = keptPositions(decoder, keep, width);
    // Row i's position p sits at column width - length + p of the padded batch, the last `kept` of which are read.
    const at0 = (i: number) => i * kept + kept - sequences[i].length + prompts[group[i]].length - 1;
    let draftNext: BigInt64Array | undefined;
    if (options.reuseCache !== false && decoder.hasDivergedCache) {
      // What each checked position must read for the row to keep its draft; a second end-of-sequence id only over-reports.
      draftNext = new BigInt64Array(group.length * kept).fill(-1n);
      group.forEach((r, i) => {
        for (let k = 0; k < checked(r); k++) draftNext![at0(i) + k] = BigInt(k < drafts[r].length ? drafts[r][k] : spec.eosTokenIds[0]);
      });
    }
    const read = await readChunk(decoder, { ids, mask, pos, batch: group.length, headMask, sequence: keys, streams, keep, draftNext });
    group.forEach((r, i) => {
      const draft = drafts[r];
      for (let k = 0; k < checked(r); k++) {
        const token = read.tokens[at0(i) + k];
        if (k < draft.length ? token === draft[k] : eos.has(token)) continue;
        divergences.push({ row: r, at: k, margin: read.margins[at0(i) + k] });
        const answer = draft.slice(0, k);
        if (!eos.has(token)) answer.push(token);
        answers[r] = answer;
        if (eos.has(token) || answer.length >= max) break;
        const kv = read.caches.get(i);
        const bytes = kv?.reduce((n, t) => n + t.byteLength, 0) ?? 0;
        if (kv && cacheBytes + bytes <= (options.cacheBudgetBytes ?? CACHE_BUDGET_BYTES)) {
          cacheBytes += bytes;
          cached.push({ row: r, answer, past: { kv, length: prompts[r].length + k } });
        } else continuing.push({ row: r, answer });
        break;
      }
    });
  }
  const sequenceLength = (c: Continuation) => prompts[c.row].length + c.answer.length;
  if (options.cachedDecoding !== 'groups' && decoder.paddedBatches) await continueInFlow(decoder, cached, options, options.chunkRows ?? cached.length);
  else for (const group of chunks(cached, sequenceLength, decoder.paddedBatches, options.chunkRows)) await continueFromCache(decoder, group, options);
  for (const group of chunks(continuing, sequenceLength, decoder.paddedBatches, options.chunkRows)) await continueRows(decoder, prompts, group, options);
  options.onStats?.({ rows, drafted, verified: toVerify.length, divergences, continued: continuing.length + cached.length, fromCache: cached.length });
  return answers;
}

/**
 * Items in runs of at most `size`, shortest first so a run pads little; a
 * session that cannot take left padding gets one length per run.
 */
export function chunks<T>(items: T[], length: (item: T) => number, padded: boolean, size = Infinity): T[][] {
  const sorted = [...items].sort((a, b) => length(a) - length(b));
  const runs = padded ? [sorted] : groupByLength(sorted.map(length)).map((g) => g.map((i) => sorted[i]));
  const per = Math.min(size, Math.max(1, ...runs.map((run) => run.length)));
  return runs.flatMap((run) => Array.from({ length: Math.ceil(run.length / per) }, (_, i) => run.slice(i * per, (i + 1) * per)));
}

/** The unpruned greedy answer to each distinct prompt, per row. */
async function draftsFor(decoder: DecoderSession, prompts: number[][], options: VerifiedOptions): Promise<{ drafts: number[][]; drafted: number }> {
  const keys = prompts.map((p) => p.join(','));
  const distinct = [...new Set(keys)];
  const first = distinct.map((k) => keys.indexOf(k));
  const decoded = await generate(decoder, first.map((r) => prompts[r]), { maxNewTokens: options.maxNewTokens, signal: options.signal });
  const byKey = new Map(distinct.map((k, i) => [k, decoded[i]]));
  return { drafts: keys.map((k) => byKey.get(k)!), drafted: distinct.length };
}
