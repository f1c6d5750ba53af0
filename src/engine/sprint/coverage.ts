/**
 * Best-of-N orders that cover each other's misses, by greedy coverage over
 * the training questions' outcomes: each step adds the candidate most likely
 * to be right on the training questions that every earlier pick got wrong.
 *
 * With no per-question adjustment this is the `fixed` baseline: one order
 * for every question. SPRINT adds its own per-question evidence, β times how
 * much more (in log-odds) the selector expects from a candidate on this
 * question than on an average training question, so β = 0 falls back to
 * `fixed` and the validation split decides how far to trust the selector.
 */
import type { OutcomeTable } from './outcomes';
import { noneIndex } from './outcomes';

const logit = (p: number) => Math.log(p / (1 - p));

/** Pseudo-count pulling each conditional success rate toward the candidate's overall rate, so it is defined when few training questions remain unsolved. */
const PRIOR_WEIGHT = 1;

export interface CoverageOptions {
  /** How many candidates to order. */
  limit: number;
  /** [nCand] per-question log-odds shifts (SPRINT's), scaled by beta; absent for `fixed`. */
  shift?: ArrayLike<number>;
  /** Weight of the shift from the second pick on. */
  beta?: number;
  /** Weight of the shift for the first pick, which alone decides pass@1 (beta when absent). */
  betaFirst?: number;
  /** Put "prune nothing" first, as `fixed` does (start from the unpruned answers). */
  noneFirst?: boolean;
  /** [n] weight of each training question (all 1 when absent): a question's neighbours can count more. */
  weights?: ArrayLike<number>;
}

/**
 * Greedy coverage order of candidate indices (heads, then "prune nothing" = nCand - 1).
 * @param table training outcomes y [n, nCand]
 */
export function coverageOrder(table: OutcomeTable, { limit, shift, beta = 0, betaFirst = beta, noneFirst = false, weights }: CoverageOptions): number[] {
  const { y, nCand } = table;
  const n = table.problems.length;
  // unsolved[i]: question i's weight times the chance (1 for 0/1 outcomes) that every pick so far got it wrong.
  const unsolved = weights ? Float64Array.from(weights) : new Float64Array(n).fill(1);
  let total = 0;
  for (let i = 0; i < n; i++) total += unsolved[i];
  const overall = new Float64Array(nCand);
  for (let i = 0; i < n; i++) for (let j = 0; j < nCand; j++) overall[j] += (unsolved[i] * y[i * nCand + j]) / total;
  const taken = new Uint8Array(nCand);
  const order: number[] = [];
  const take = (j: number) => {
    order.push(j);
    taken[j] = 1;
    for (let i = 0; i < n; i++) unsolved[i] *= 1 - y[i * nCand + j];
  };
  if (noneFirst) take(noneIndex(nCand));
  while (order.length < Math.min(limit, nCand)) {
    let left = 0;
    for (let i = 0; i < n; i++) left += unsolved[i];
    const weight = order.length === 0 ? betaFirst : beta;
    let best = -1;
    let bestValue = -Infinity;
    for (let j = 0; j < nCand; j++) {
      if (taken[j]) continue;
      let hits = 0;
      for (let i = 0; i < n; i++) hits += unsolved[i] * y[i * nCand + j];
      const rate = Math.min(1 - 1e-6, Math.max(1e-6, (hits + PRIOR_WEIGHT * overall[j]) / (left + PRIOR_WEIGHT)));
      const value = logit(rate) + (shift ? weight * shift[j] : 0);
      if (value > bestValue) [best, bestValue] = [j, value];
    }
    // Every value was NaN (a broken shift): no candidate can be chosen, and -1 is not a head.
    if (best < 0) throw new Error('coverageOrder: no candidate has a comparable value (the per-question shift is not a number)');
    take(best);
  }
  return order;
}
