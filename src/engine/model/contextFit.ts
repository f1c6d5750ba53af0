/**
 * Which problems of a set fit the model's context with room for the answer.
 * One over-long question must not stop a whole run: callers run the rest
 * and say which were skipped and why, by id.
 */
import type { PreTrainedTokenizer } from '@huggingface/transformers';
import type { DecoderSpec } from './modelConfig';
import { ContextLengthError } from './errors';
import { buildPromptIds } from './prompt';

/** A problem whose prompt plus the answer's room exceeds the context. */
export interface TooLong {
  /** Its place in the set (ids need not be unique in an imported file). */
  index: number;
  id: string;
  promptTokens: number;
}

/** The problems of `problems` that do not fit, in their order. */
export function tooLongFor(tokenizer: PreTrainedTokenizer, spec: DecoderSpec, problems: readonly { id: string; question: string }[], maxNewTokens: number): TooLong[] {
  const out: TooLong[] = [];
  for (const [index, p] of problems.entries()) {
    try {
      buildPromptIds(tokenizer, p.question, spec, maxNewTokens);
    } catch (err) {
      if (!(err instanceof ContextLengthError)) throw err;
      out.push({ index, id: p.id, promptTokens: err.promptTokens });
    }
  }
  return out;
}

/** `problems` less those `tooLong` lists (by place, since imported ids need not be unique). */
export function withoutTooLong<P>(problems: readonly P[], tooLong: readonly TooLong[]): P[] {
  const skip = new Set(tooLong.map((t) => t.index));
  return problems.filter((_, i) => !skip.has(i));
}

/** How many ids the skip note names before "and N more". */
const NAMED = 8;

/** "3 of 30 skipped: longer than the model's 256-token context with room for 64 new tokens: gsm8k-5, ..." */
export function skippedText(tooLong: readonly TooLong[], total: number, contextLimit: number, maxNewTokens: number): string {
  const named = tooLong.slice(0, NAMED).map((t) => `${t.id} (${t.promptTokens} tokens)`);
  const more = tooLong.length > NAMED ? `, and ${tooLong.length - NAMED} more` : '';
  return `${tooLong.length} of ${total} skipped: longer than the model's ${contextLimit}-token context with room for ${maxNewTokens} new tokens: ${named.join(', ')}${more}.`;
}
