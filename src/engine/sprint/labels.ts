/**
 * The original SPRINT paper's training labels, from a sweep over training
 * questions: in generate mode, the single-head prunings that answered a
 * question correctly (uniform over them); in log-prob mode, a softmax of each
 * head's change in the reference solution's log-probability. The app now
 * trains on outcomes.ts' per-candidate table instead; these stay for
 * scripts/sprintValidate.ts' comparison with the paper's recipe.
 */
import type { SweepFile } from '../sweep/sweepSchema';

/** Too little signal to train on: say how much there was. */
export class SprintDataError extends Error {
  override readonly name = 'SprintDataError';
}

export interface HeadLabels {
  /** Indices into the sweep's problems that have a label. */
  problems: number[];
  /** [problems.length, layers * heads] row-major distributions. */
  targets: Float32Array;
}

/**
 * @param include problem indices of the training split (held-out questions must not be passed)
 * @param minQuestions fewest labelled questions worth training on
 */
export function labelsFromSweep(file: SweepFile, include: readonly number[], { minQuestions = 8, labelTemperature = 1 } = {}): HeadLabels {
  const { numLayers, numHeads } = file.model;
  const nHeads = numLayers * numHeads;
  const wanted = new Set(include);
  const perProblem = new Map<number, Float64Array>();
  const base = new Map<number, number>();
  for (const c of file.cells) {
    if (!wanted.has(c.problem)) continue;
    const config = file.configs[c.config];
    if (config.length === 0 && c.logprob !== undefined) base.set(c.problem, c.logprob);
    if (config.length !== 1) continue;
    const row = perProblem.get(c.problem) ?? new Float64Array(nHeads).fill(NaN);
    const [l, h] = config[0];
    row[l * numHeads + h] = file.mode === 'generate' ? Number(c.correct ?? false) : (c.logprob ?? NaN);
    perProblem.set(c.problem, row);
  }
  const problems: number[] = [];
  const rows: Float64Array[] = [];
  for (const [p, row] of [...perProblem].sort((a, b) => a[0] - b[0])) {
    let target: Float64Array;
    if (file.mode === 'generate') {
      const positives = row.reduce((n, v) => n + (v === 1 ? 1 : 0), 0);
      if (positives === 0) continue;
      target = row.map((v) => (v === 1 ? 1 / positives : 0));
    } else {
      if (!base.has(p) || row.some(Number.isNaN)) continue;
      const deltas = row.map((v) => (v - base.get(p)!) / labelTemperature);
      const max = Math.max(...deltas);
      const exp = deltas.map((d) => Math.exp(d - max));
      const sum = exp.reduce((a, b) => a + b, 0);
      target = exp.map((e) => e / sum);
    }
    problems.push(p);
    rows.push(target);
  }
  if (problems.length < minQuestions) {
    throw new SprintDataError(
      `Only ${problems.length} of ${include.length} training questions have a positive label (a head whose pruning solved them); ` +
        `training needs at least ${minQuestions}. Sweep more training questions, or use the log-prob mode, whose soft labels cover every question.`,
    );
  }
  const targets = new Float32Array(problems.length * nHeads);
  rows.forEach((r, i) => targets.set(r, i * nHeads));
  return { problems, targets };
}
