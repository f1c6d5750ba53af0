/**
 * Best-of-N metrics, named plainly: pass@N counts a problem solved if any of
 * its first N answers is right (an oracle picks; SPRINT's own metric);
 * majority vote takes the most frequent final answer among the first N
 * (ties go to the answer seen first). Both with bootstrap 95% intervals.
 */
import { mulberry32 } from '../problems/rng';

export interface Attempt {
  /** The final answer given, normalised for voting; null when none. */
  answer: string | null;
  correct: boolean;
}

/** True when any of the first n attempts is right. */
export function passAtN(attempts: readonly Attempt[], n: number): boolean {
  return attempts.slice(0, n).some((a) => a.correct);
}

/** Whether the most frequent answer among the first n attempts is right (no answer never wins). */
export function majorityAtN(attempts: readonly Attempt[], n: number): boolean {
  const votes = new Map<string, { count: number; first: number; correct: boolean }>();
  attempts.slice(0, n).forEach((a, i) => {
    if (a.answer === null) return;
    const v = votes.get(a.answer) ?? { count: 0, first: i, correct: a.correct };
    v.count++;
    votes.set(a.answer, v);
  });
  let best: { count: number; first: number; correct: boolean } | undefined;
  for (const v of votes.values()) if (!best || v.count > best.count || (v.count === best.count && v.first < best.first)) best = v;
  return best?.correct ?? false;
}

export interface Estimate {
  mean: number;
  low: number;
  high: number;
}

/** Mean of 0/1 outcomes with a percentile bootstrap 95% interval (seeded). */
export function bootstrapMean(outcomes: readonly boolean[], { resamples = 2000, seed = 0 } = {}): Estimate {
  const n = outcomes.length;
  if (n === 0) return { mean: NaN, low: NaN, high: NaN };
  const random = mulberry32(seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let k = 0;
    for (let i = 0; i < n; i++) k += outcomes[Math.floor(random() * n)] ? 1 : 0;
    means[r] = k / n;
  }
  means.sort();
  const mean = outcomes.filter(Boolean).length / n;
  return { mean, low: means[Math.floor(0.025 * resamples)], high: means[Math.ceil(0.975 * resamples) - 1] };
}

/** pass@N and majority@N over problems, for each N in `ns`. */
export function bestOfNCurve(perProblem: readonly (readonly Attempt[])[], ns: readonly number[], seed = 0): { n: number; passAtN: Estimate; majority: Estimate }[] {
  return ns.map((n) => ({
    n,
    passAtN: bootstrapMean(perProblem.map((a) => passAtN(a, n)), { seed }),
    majority: bootstrapMean(perProblem.map((a) => majorityAtN(a, n)), { seed }),
  }));
}
