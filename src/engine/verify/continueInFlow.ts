/**
 * Decoding on from the verification pass's caches with a steady batch:
 * rows join as others end. verify/continueFromCache decodes fixed groups,
 * and each group's last steps run a few rows alone; the answers that leave
 * their draft differ in length, so most of those steps were nearly empty
 * (40 problems x 49 configurations: 555 steps averaging 11 rows of 32).
 * Here a step runs up to `slots` rows, and finished rows' places are
 * refilled from the waiting ones.
 *
 * Each row keeps its own attention mask and positions, left-padded to the
 * batch's widest cache as in a padded prompt, so its tokens are those
 * generate() gives it alone. Greedy only; the session must give kv_step.
 */
import type { DecoderSession } from '../model/decoderSession';
import type { GenerateOptions } from '../model/generate';
import { HostKvCache } from '../model/kvCache';
import { checkpoint } from '../model/checkpoint';
import { rowsOf } from '../model/lengthGroups';
import { argmax } from '../model/sampling';
import type { CachedContinuation } from './continueFromCache';
import type { RowKv } from './verifyRead';
import { pastSource, writeLeftPadded, type RowSource } from './leftPadRows';

/** Positions of padding every row carries at which the batch is laid out again, narrower: it keeps the cache within its room. */
const TRIM_AT = 16;

/** A row in the batch: `length` positions cached, `next` the token its next step feeds. */
interface Running {
  c: CachedContinuation;
  length: number;
  next: number;
}

/**
 * Grows each continuation's answer to where greedy decoding ends it, `slots` rows a step at most.
 * Rows join once a quarter of the slots are free (or the batch is empty): joining copies the whole cache once.
 * @param options maxNewTokens bounds each whole answer; headMask is [rows, layers, heads] over all rows
 */
export async function continueInFlow(decoder: DecoderSession, rows: CachedContinuation[], options: Pick<GenerateOptions, 'maxNewTokens' | 'headMask' | 'signal'>, slots: number): Promise<void> {
  if (rows.length === 0) return;
  const waiting = [...rows].sort((a, b) => a.past.length - b.past.length);
  const { spec } = decoder;
  const perRow = spec.numLayers * spec.numHeads;
  const eos = new Set(spec.eosTokenIds);
  const joinAt = Math.max(1, Math.floor(slots / 4));
  let running: Running[] = [];
  // One cache for the call, with room for a full batch of the longest rows: joining lays rows out again in its other half.
  const room = Math.max(...rows.map((c) => c.past.length)) + options.maxNewTokens + TRIM_AT;
  const cache = new HostKvCache(decoder.Tensor, 2 * spec.numLayers, slots, spec.numKvHeads, spec.headDim, room, decoder.kvType);
  let headMask: Float32Array | undefined;
  const maskOfRunning = () => options.headMask && rowsOf(options.headMask, running.map((r) => r.c.row), perRow);
  while (running.length > 0 || waiting.length > 0) {
    await checkpoint(options.signal);
    const joining = waiting.length > 0 && (running.length === 0 || slots - running.length >= joinAt)
      ? waiting.splice(0, slots - running.length).map((c) => ({ c, length: c.past.length, next: c.answer[c.answer.length - 1] }))
      : [];
    // The cache's width outlives the row that set it: once the rows left are TRIM_AT narrower, they are laid out again as wide as they are.
    const narrower = running.length > 0 && cache.length - Math.max(...running.map((r) => r.length)) >= TRIM_AT;
    if (joining.length > 0 || narrower) {
      join(decoder, cache, running, joining);
      running = [...running, ...joining];
      headMask = maskOfRunning();
    }
    const n = running.length;
    const width = cache.length;
    const mask = new BigInt64Array(n * (width + 1));
    running.forEach((r, i) => mask.fill(1n, (i + 1) * (width + 1) - r.length - 1, (i + 1) * (width + 1)));
    const { lastLogits, kvStep } = await decoder.step({
      inputIds: BigInt64Array.from(running, (r) => BigInt(r.next)), attentionMask: mask, positionIds: BigInt64Array.from(running, (r) => BigInt(r.length)),
      batch: n, past: cache.tensors(), headMask, stepOnly: true,
    });
    const vocab = lastLogits.length / n;
    const keep: number[] = [];
    running.forEach((r, i) => {
      const token = argmax(lastLogits, i * vocab, vocab);
      r.length++;
      if (eos.has(token)) return;
      r.c.answer.push(token);
      if (r.c.answer.length >= options.maxNewTokens) return;
      r.next = token;
      keep.push(i);
    });
    cache.append(kvStep!, 1, keep);
    if (keep.length < n) {
      running = keep.map((i) => running[i]);
      headMask = maskOfRunning();
    }
  }
}

/**
 * Lays the running rows (from the cache as it is) and the joining rows (from their pasts) into the cache, left-padded to the longest.
 * Pad positions keep whatever they held: the attention mask hides them.
 */
function join(decoder: DecoderSession, cache: HostKvCache, running: Running[], joining: Running[]): void {
  const heads = decoder.spec.numKvHeads;
  const dim = decoder.spec.headDim;
  const current = cache.tensors().map((t) => t.data as RowKv);
  const from = cache.length;
  const width = Math.max(...[...running, ...joining].map((r) => r.length));
  cache.replace(running.length + joining.length, width, (t, out, at) => {
    // A running row's positions end its padded row in the cache; a joining row's start its own past.
    const sources = [
      ...running.map((r, i): RowSource => ({ data: current[t], seq: from, row: i, skip: from - r.length, length: r.length })),
      ...joining.map((r) => pastSource(r.c.past.kv[t], r.length, heads, dim)),
    ];
    writeLeftPadded(out, at, width, heads, dim, sources);
  });
}
