/**
 * What each candidate did on each training question, from a sweep: the
 * selector's labels, the `fixed` baseline's coverage and the diverse top-N
 * all read this one table. Candidates are the single heads, row-major
 * (layer * numHeads + head), then "prune nothing" last.
 */
import type { SweepFile } from '../sweep/sweepSchema';
import { SprintDataError } from './labels';

export interface OutcomeTable {
  /** Indices into the sweep's problems, in order. */
  problems: number[];
  /** layers * heads + 1: every head, then "prune nothing". */
  nCand: number;
  /**
   * [problems.length, nCand] row-major success of each candidate, 0..1. Generate sweeps: 1 when the answer was
   * right. Log-prob sweeps have no answers to grade: σ(change in the reference's log-prob) for a head,
   * 0.5 for "prune nothing", i.e. whether pruning made the reference solution more likely.
   */
  y: Float32Array;
}

/** "Prune nothing" is the last candidate. */
export const noneIndex = (nCand: number) => nCand - 1;

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/**
 * @param include problem indices of the training split (held-out questions must not be passed)
 * @param minQuestions fewest complete questions worth training on
 */
export function outcomesFromSweep(file: SweepFile, include: readonly number[], { minQuestions = 8 } = {}): OutcomeTable {
  const { numLayers, numHeads } = file.model;
  const nCand = numLayers * numHeads + 1;
  const wanted = new Set(include);
  const rows = new Map<number, Float64Array>();
  for (const c of file.cells) {
    if (!wanted.has(c.problem)) continue;
    const config = file.configs[c.config];
    if (config.length > 1) continue;
    const row = rows.get(c.problem) ?? new Float64Array(nCand).fill(NaN);
    const j = config.length === 0 ? noneIndex(nCand) : config[0][0] * numHeads + config[0][1];
    row[j] = file.mode === 'generate' ? Number(c.correct ?? false) : (c.logprob ?? NaN);
    rows.set(c.problem, row);
  }
  const problems = [...rows.keys()].filter((p) => !rows.get(p)!.some(Number.isNaN)).sort((a, b) => a - b);
  if (problems.length < minQuestions) {
    throw new SprintDataError(
      `Only ${problems.length} of ${include.length} training questions have a result for every head and for the unpruned model; ` +
        `training needs at least ${minQuestions}. Finish the sweep, or sweep more training questions.`,
    );
  }
  const y = new Float32Array(problems.length * nCand);
  problems.forEach((p, i) => {
    const row = rows.get(p)!;
    if (file.mode === 'logprob') {
      const base = row[noneIndex(nCand)];
      for (let j = 0; j < nCand - 1; j++) row[j] = sigmoid(row[j] - base);
      row[noneIndex(nCand)] = 0.5;
    }
    y.set(row, i * nCand);
  });
  return { problems, nCand, y };
}
