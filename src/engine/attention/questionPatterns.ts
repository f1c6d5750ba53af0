/**
 * The patterns of a question as the model reads it (its chat-template
 * prompt, then the answer tokens when there are some), with the token
 * labels the CLI prints and the app draws: what the worker and the CLI
 * share, so both show the same numbers.
 */
import type { PreTrainedTokenizer } from '@huggingface/transformers';
import type { DecoderSession } from '../model/decoderSession';
import type { DecoderSpec } from '../model/modelConfig';
import { buildPromptIds } from '../model/prompt';
import { headMaskTransform } from '../onnx/addHeadMask';
import { PATTERNS_UNAVAILABLE, withAttentionOutputs } from '../onnx/attentionOutputs';
import { sequencePatterns, type LayerPattern, type PatternOptions } from './sequencePatterns';

export { PATTERNS_UNAVAILABLE } from '../onnx/attentionOutputs';

/** What a model for patterns has: the parts of LoadedModel this needs. */
export interface PatternsModel {
  tokenizer: PreTrainedTokenizer;
  spec: DecoderSpec;
  decoder: DecoderSession;
}

export interface QuestionPatterns {
  /** One label per token: the token's own text, special tokens included. */
  tokens: string[];
  /** [n] token ids: the prompt's, then the answer's. */
  ids: number[];
  /** How many of the ids are the prompt. */
  promptLength: number;
  /** Per layer asked for, [heads, n, n]. */
  layers: LayerPattern[];
}

/**
 * The load transform for a patterns session: the attention outputs, then
 * the head-mask surgery (so before/after pruning runs on one session).
 */
export function patternsTransform() {
  return withAttentionOutputs(headMaskTransform());
}

/** True when `err` says the export fuses attention (the load wraps the surgery's error with the file name). */
export function isPatternsUnavailable(err: unknown): boolean {
  return err instanceof Error && err.message.includes(PATTERNS_UNAVAILABLE);
}

/** Each token's own text: special tokens kept, so labels line up with positions. */
export function tokenLabels(tokenizer: PreTrainedTokenizer, ids: number[]): string[] {
  return ids.map((id) => tokenizer.decode([id], { skip_special_tokens: false }));
}

/**
 * The question's prompt ids followed by `answer` (generated ids, no end
 * token), run once.
 * @param options.headMask [layers, heads], 1 keeps and 0 prunes
 * @returns per asked layer, [heads, n, n] with n = prompt + answer length
 */
export async function questionPatterns(
  model: PatternsModel, question: string, answer: number[], options: PatternOptions = {},
): Promise<QuestionPatterns> {
  const prompt = buildPromptIds(model.tokenizer, question, model.spec, answer.length);
  const ids = [...prompt, ...answer];
  const [patterns] = await sequencePatterns(model.decoder, [ids], options);
  return { tokens: tokenLabels(model.tokenizer, ids), ids, promptLength: prompt.length, layers: patterns.layers };
}
