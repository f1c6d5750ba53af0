/**
 * What a SPRINT evaluation is, as a short key: its model file, the
 * selector's identity, the held-out problems, N, the methods compared, the
 * truncation the model carried, the new-token limit and the seed. The same
 * evaluation run again replaces its record; any change keeps both.
 */
import type { Method } from '../engine/sprint/compareMethods';
import type { SweepProblem } from '../engine/sweep/sweepSchema';
import { modelScopedId } from './identityHash';

/** Everything that changes an evaluation's numbers. */
export interface EvaluationSettings {
  fingerprint: string;
  /** selectorIdentity of the selector evaluated. */
  selectorId: string;
  problems: readonly Pick<SweepProblem, 'id' | 'question' | 'reference'>[];
  maxN: number;
  methods: readonly Method[];
  /** The truncations the worker's model carried; empty when none. */
  truncations: readonly string[];
  maxNewTokens: number;
  seed: number;
}

/** The key an evaluation is saved under. */
export function evaluationIdentity(s: EvaluationSettings): string {
  const problems = s.problems.map((p) => [p.id, p.question, p.reference]);
  return modelScopedId(s.fingerprint, [s.selectorId, problems, s.maxN, s.methods, s.truncations, s.maxNewTokens, s.seed]);
}
