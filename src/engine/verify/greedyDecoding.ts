/**
 * The ways to get greedy answers under head masks, behind one signature:
 * `plain` decodes every row token by token (model/generate); `verified`
 * confirms each row against the unpruned answer in one teacher-forced pass
 * and decodes only where a row leaves it, from that pass's cache
 * (verify/verifiedGenerate); `reread` is verified with the earliest way of
 * decoding on, reading prompt and prefix again (verify/continueRows);
 * `groups` decodes on from the pass's cache in fixed groups
 * (verify/continueFromCache) rather than one batch rows join. All give the
 * same tokens; the other three stay for checking (the CLI's --decode) and
 * for bench/.
 */
import type { DecoderSession } from '../model/decoderSession';
import { generate } from '../model/generate';
import { generateVerified, type VerifiedOptions } from './verifiedGenerate';

export type DecodeMode = 'verified' | 'groups' | 'reread' | 'plain';
export const DECODE_MODES: readonly DecodeMode[] = ['verified', 'groups', 'reread', 'plain'];
/** Wherever greedy answers run under pruning, unless asked otherwise. */
export const DEFAULT_DECODE: DecodeMode = 'verified';

/** One way to get greedy answers under head masks, with what a caller batching work for it needs to know. */
export interface GreedyDecoding {
  /** Greedy answers per row ([rows] token-id arrays, end-of-sequence left out). */
  run(decoder: DecoderSession, prompts: number[][], options: VerifiedOptions): Promise<number[][]>;
  /** Whether run() reads options.drafts: a caller decodes the unpruned answers ahead only for such a way. */
  readsDrafts: boolean;
  /**
   * Batches one call should cover. Verification pools 16: the rows that leave their draft then
   * decode on together, and 16 against 4 was 8% faster in Node (bench/verifyPool.ts); the cost is
   * coarser progress and saving.
   */
  batchesPerCall: number;
}

export const GREEDY_DECODING: Record<DecodeMode, GreedyDecoding> = {
  plain: { run: (decoder, prompts, { maxNewTokens, headMask, signal }) => generate(decoder, prompts, { maxNewTokens, headMask, signal }), readsDrafts: false, batchesPerCall: 1 },
  verified: { run: generateVerified, readsDrafts: true, batchesPerCall: 16 },
  groups: { run: (decoder, prompts, options) => generateVerified(decoder, prompts, { ...options, cachedDecoding: 'groups' }), readsDrafts: true, batchesPerCall: 16 },
  reread: { run: (decoder, prompts, options) => generateVerified(decoder, prompts, { ...options, reuseCache: false }), readsDrafts: true, batchesPerCall: 16 },
};
