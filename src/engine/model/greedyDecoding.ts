/**
 * The two ways to get greedy answers under head masks, behind one
 * signature: `plain` decodes every row token by token (model/generate);
 * `verified` confirms each row against the unpruned answer in one
 * teacher-forced pass and decodes only where a row leaves it
 * (model/verifiedGenerate). Both give the same tokens; `plain` stays for
 * checking (the CLI's --decode plain) and for bench/.
 */
import type { DecoderSession } from './decoderSession';
import { generate } from './generate';
import { generateVerified, type VerifiedOptions } from './verifiedGenerate';

export type DecodeMode = 'verified' | 'plain';
export const DECODE_MODES: readonly DecodeMode[] = ['verified', 'plain'];
/** Wherever greedy answers run under pruning, unless asked otherwise. */
export const DEFAULT_DECODE: DecodeMode = 'verified';

/** Greedy answers per row ([rows] token-id arrays, end-of-sequence left out); `drafts` is a hint only `verified` reads. */
export type GreedyDecoding = (decoder: DecoderSession, prompts: number[][], options: VerifiedOptions) => Promise<number[][]>;

export const GREEDY_DECODING: Record<DecodeMode, GreedyDecoding> = {
  plain: (decoder, prompts, { maxNewTokens, headMask, signal }) => generate(decoder, prompts, { maxNewTokens, headMask, signal }),
  verified: generateVerified,
};
