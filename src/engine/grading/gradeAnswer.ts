/** Grades a model's whole output against a reference solution or bare reference answer. */
import { answersEquivalent } from './answersEquivalent';
import { cleanAnswerText, extractFinalAnswer } from './extractAnswer';

export interface Grade {
  /** The final answer found in the output, or null when it states none. */
  predicted: string | null;
  /** The reference's final answer, or null when the reference is empty. */
  reference: string | null;
  correct: boolean;
}

/**
 * The final answer of a reference: the `#### N` or `\boxed{}` answer of a
 * full solution, or the text itself when it is a bare answer ("18",
 * "\frac{3}{4}"). Null when empty.
 */
export function referenceAnswer(reference: string): string | null {
  const answer = extractFinalAnswer(reference) ?? cleanAnswerText(reference);
  return answer ? answer : null;
}

/**
 * Extracts the final answer from `output` (`####`, `\boxed{}`, "the answer
 * is") and compares it with the reference's by `answersEquivalent`. An output
 * with no recognisable final answer is wrong: a bare number in running text
 * is not taken as the answer. Never throws.
 */
export function gradeAnswer(output: string, reference: string): Grade {
  const predicted = typeof output === 'string' ? (extractFinalAnswer(output) ?? null) : null;
  const ref = typeof reference === 'string' ? referenceAnswer(reference) : null;
  const correct = predicted !== null && ref !== null && answersEquivalent(predicted, ref);
  return { predicted, reference: ref, correct };
}
