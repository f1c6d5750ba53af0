/**
 * "Run top-N": one question answered N times in one batch, each row with one
 * recommended head pruned (or nothing, where the selector places "prune
 * nothing"); the answers side by side, their majority vote, and pass@N when
 * a reference answer is known.
 */
import type { LoadedModel } from '../model/loadModel';
import { generate } from '../model/generate';
import { buildPromptIds } from '../model/prompt';
import { gradeAnswer } from '../grading/gradeAnswer';
import { extractFinalAnswer } from '../grading/extractAnswer';
import { maskFor, type HeadRef } from '../sweep/sweepSchema';
import { majorityAtN, passAtN } from './bestOfN';

export interface PickAnswer {
  /** null: nothing pruned. */
  head: HeadRef | null;
  text: string;
  answer: string | null;
  /** Undefined without a reference answer. */
  correct?: boolean;
}

export interface PicksResult {
  answers: PickAnswer[];
  /** The most frequent final answer (ties to the first seen), or null. */
  majority: string | null;
  majorityCorrect?: boolean;
  passAtN?: boolean;
}

/** @param heads one row per pick: a head to prune, or null for the unpruned model */
export async function runPicks(model: LoadedModel, question: string, heads: (HeadRef | null)[], reference: string, maxNewTokens = 64): Promise<PicksResult> {
  const { spec, tokenizer } = model;
  const prompt = buildPromptIds(tokenizer, question, spec, maxNewTokens);
  const perRow = spec.numLayers * spec.numHeads;
  const headMask = new Float32Array(heads.length * perRow);
  heads.forEach((h, r) => headMask.set(maskFor(h ? [h] : [], spec.numLayers, spec.numHeads), r * perRow));
  const rows = await generate(model.decoder, heads.map(() => prompt), { maxNewTokens, headMask });
  const hasReference = reference.trim() !== '';
  const answers: PickAnswer[] = rows.map((ids, r) => {
    const text = tokenizer.decode(ids, { skip_special_tokens: true });
    if (!hasReference) return { head: heads[r], text, answer: extractFinalAnswer(text) ?? null };
    const g = gradeAnswer(text, reference);
    return { head: heads[r], text, answer: g.predicted, correct: g.correct };
  });
  const counts = new Map<string, number>();
  for (const a of answers) if (a.answer !== null) counts.set(a.answer, (counts.get(a.answer) ?? 0) + 1);
  let majority: string | null = null;
  for (const [answer, n] of counts) if (majority === null || n > counts.get(majority)!) majority = answer;
  if (!hasReference) return { answers, majority };
  const attempts = answers.map((a) => ({ answer: a.answer, correct: a.correct! }));
  return { answers, majority, majorityCorrect: majorityAtN(attempts, attempts.length), passAtN: passAtN(attempts, attempts.length) };
}
