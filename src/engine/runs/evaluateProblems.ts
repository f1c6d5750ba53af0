/** Accuracy of greedy answers over a problem set, per problem and per level. */
import type { LoadedModel } from '../engine/model/loadModel';
import { solveQuestions } from '../engine/model/solve';
import { extractFinalAnswer, numericAnswersMatch } from '../engine/grading/extractAnswer';
import { LEVELS, syntheticProblems, type Level } from '../engine/problems/synthetic';

export interface EvalProblem {
  id: string;
  question: string;
  answer: string;
  level?: number;
}

export interface EvalReport {
  accuracy: number;
  n: number;
  byLevel: Record<string, { accuracy: number; n: number }>;
  results: { id: string; predicted: string | null; reference: string | null; correct: boolean }[];
}

/** `synthetic:COUNT:SEED[:LEVEL]` into problems. */
export function parseProblemSpec(spec: string): EvalProblem[] {
  const m = spec.match(/^synthetic:(\d+):(\d+)(?::([1-4]))?$/);
  if (!m) throw new Error(`--problems must look like synthetic:COUNT:SEED[:LEVEL], got "${spec}"`);
  const level = m[3] ? (Number(m[3]) as Level) : undefined;
  if (level !== undefined && !LEVELS.includes(level)) throw new Error(`level must be 1 to 4`);
  return syntheticProblems({ count: Number(m[1]), seed: Number(m[2]), level });
}

export async function evaluateProblems(
  model: LoadedModel,
  problems: EvalProblem[],
  options: { maxNewTokens: number; batch: number; onProgress?: (done: number, total: number) => void },
): Promise<EvalReport> {
  const results: EvalReport['results'] = [];
  const levels = new Map<string, boolean[]>();
  for (let s = 0; s < problems.length; s += options.batch) {
    const chunk = problems.slice(s, s + options.batch);
    const solutions = await solveQuestions(model, chunk.map((p) => p.question), { maxNewTokens: options.maxNewTokens });
    chunk.forEach((p, i) => {
      const correct = numericAnswersMatch(solutions[i].text, p.answer);
      results.push({ id: p.id, predicted: extractFinalAnswer(solutions[i].text) ?? null, reference: extractFinalAnswer(p.answer) ?? null, correct });
      const key = String(p.level ?? 'all');
      levels.set(key, [...(levels.get(key) ?? []), correct]);
    });
    options.onProgress?.(results.length, problems.length);
  }
  const rate = (xs: boolean[]) => (xs.length ? xs.filter(Boolean).length / xs.length : 0);
  const byLevel = Object.fromEntries([...levels].sort().map(([k, v]) => [k, { accuracy: rate(v), n: v.length }]));
  return { accuracy: rate(results.map((r) => r.correct)), n: results.length, byLevel, results };
}
