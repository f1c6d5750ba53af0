/**
 * Turns a question into prompt token ids with the model's chat template,
 * refusing (never truncating) what does not fit the context.
 */
import type { PreTrainedTokenizer } from '@huggingface/transformers';
import type { DecoderSpec } from './modelConfig';
import { ContextLengthError, InvalidRequestError } from './errors';

/** Prompt ids for one user question: [promptLength]. */
export function buildPromptIds(tokenizer: PreTrainedTokenizer, question: string, spec: DecoderSpec, maxNewTokens: number): number[] {
  if (!question.trim()) throw new InvalidRequestError('The question is empty: type or paste a question first.');
  const text = tokenizer.chat_template
    ? (tokenizer.apply_chat_template([{ role: 'user', content: question }], { add_generation_prompt: true, tokenize: false }) as string)
    : question;
  const ids = tokenizer.encode(text, { add_special_tokens: !tokenizer.chat_template });
  if (ids.length + maxNewTokens > spec.maxPositions) throw new ContextLengthError(ids.length, maxNewTokens, spec.maxPositions);
  return ids;
}
