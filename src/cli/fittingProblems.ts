/**
 * The CLI's side of "one over-long question does not stop a run": the
 * problems that fit the model's context with room for the answer, the rest
 * named on stderr, and a clear refusal when the new-token limit itself
 * leaves no room for any prompt.
 */
import type { LoadedModel } from '../engine/model/loadModel';
import { skippedText, tooLongFor, withoutTooLong } from '../engine/model/contextFit';
import { UsageError } from './args';

export function fittingProblems<P extends { id: string; question: string }>(model: LoadedModel, problems: P[], maxNewTokens: number, warn: (text: string) => void): P[] {
  const context = model.spec.maxPositions;
  if (maxNewTokens >= context) throw new UsageError(`--max-new-tokens ${maxNewTokens} leaves no room for a question in the model's ${context}-token context: use at most ${context - 1}`);
  const tooLong = tooLongFor(model.tokenizer, model.spec, problems, maxNewTokens);
  if (tooLong.length === 0) return problems;
  const skipped = skippedText(tooLong, problems.length, context, maxNewTokens);
  if (tooLong.length === problems.length) throw new UsageError(`nothing to run: ${skipped}`);
  warn(`${skipped}\n`);
  return withoutTooLong(problems, tooLong);
}
