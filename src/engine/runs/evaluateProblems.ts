/**
 * Greedy accuracy over a problem set, with or without heads pruned: per
 * problem (the answer given, right or wrong) and per level. The CLI's
 * `eval` and the app's runs share it.
 */
import type { LoadedModel } from '../model/loadModel';
import { solveQuestions } from '../model/solve';
import { gradeAnswer } from '../grading/gradeAnswer';
import type { Problem } from '../problems/problem';

/** What evaluation needs of a Problem (engine/problems/problem.ts). */
export type EvalProblem = Pick<Problem, 'id' | 'question' | 'reference' | 'level' | 'family'>;

export interface EvalResult {
  id: string;
  predicted: string | null;
  reference: string | null;
  correct: boolean;
  text: string;
  tokens: number;
  /** The answer's token ids (end-of-sequence left out): a pruned run verifies against the unpruned run's. */
  ids: number[];
  /** Wall time of the problem's batch divided by the batch's size. */
  seconds: number;
  /** Which batch (0-based) the problem was generated in: a batch's problems decode together, so only the batch has a wall time of its own. */
  batch: number;
}

export interface EvalReport {
  accuracy: number;
  n: number;
  byLevel: Record<string, { accuracy: number; n: number }>;
  /** Per problem family (mix problems); empty when no problem has one. */
  byFamily: Record<string, { accuracy: number; n: number }>;
  results: EvalResult[];
}

export interface EvalOptions {
  maxNewTokens: number;
  /** Problems generated together. */
  batch: number;
  /** [layers, heads], 1 keeps and 0 prunes. */
  headMask?: Float32Array;
  /**
   * Per problem, the unpruned answer's token ids (an unpruned report's `ids`): a pruned run then
   * verifies each answer against it in batches of at least VERIFIED_BATCH, instead of decoding it.
   */
  drafts?: number[][];
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, latest: EvalResult[]) => void;
}

/** The smallest batch a verified (drafted) run takes. */
export const VERIFIED_BATCH = 32;

const rate = (xs: boolean[]) => (xs.length ? xs.filter(Boolean).length / xs.length : 0);

export async function evaluateProblems(model: LoadedModel, problems: EvalProblem[], options: EvalOptions): Promise<EvalReport> {
  const results: EvalResult[] = [];
  // Verified rows that leave their draft decode on together: larger batches pool them.
  const batch = options.drafts && options.headMask ? Math.max(options.batch, VERIFIED_BATCH) : options.batch;
  for (let s = 0; s < problems.length; s += batch) {
    const chunk = problems.slice(s, s + batch);
    const started = performance.now();
    const solutions = await solveQuestions(model, chunk.map((p) => p.question), {
      maxNewTokens: options.maxNewTokens,
      headMask: options.headMask,
      signal: options.signal,
      drafts: options.drafts?.slice(s, s + batch),
    });
    const seconds = (performance.now() - started) / 1000 / chunk.length;
    const latest = chunk.map((p, i) => ({
      id: p.id,
      ...gradeAnswer(solutions[i].text, p.reference),
      text: solutions[i].text,
      tokens: solutions[i].tokens.length,
      ids: solutions[i].tokens,
      seconds,
      batch: s / batch,
    }));
    results.push(...latest);
    options.onProgress?.(results.length, problems.length, latest);
  }
  const correct = results.map((r) => r.correct);
  return {
    accuracy: rate(correct), n: results.length, results,
    byLevel: groupRates(problems.map((p) => p.level), correct),
    byFamily: groupRates(problems.map((p) => p.family), correct),
  };
}

/** Accuracy per key, keys sorted; problems without a key are left out. */
function groupRates(keys: (string | number | undefined)[], correct: boolean[]): Record<string, { accuracy: number; n: number }> {
  const groups = new Map<string, boolean[]>();
  keys.forEach((k, i) => {
    if (k === undefined) return;
    groups.set(String(k), [...(groups.get(String(k)) ?? []), correct[i]]);
  });
  return Object.fromEntries([...groups].sort().map(([k, v]) => [k, { accuracy: rate(v), n: v.length }]));
}
