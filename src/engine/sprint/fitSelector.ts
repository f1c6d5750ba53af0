/**
 * HeadLab's SPRINT recipe on embedded questions, model-free so the browser,
 * the CLI and the validation script share it:
 *   1. hold back a validation share of the training questions;
 *   2. train the contrastive selector on the rest with the sigmoid loss, on
 *      every candidate including "prune nothing", pairs where pruning changes
 *      the outcome (a fix or a break) weighted up;
 *   3. on the validation share: calibrate its scores (Platt), then choose β,
 *      how far the per-question scores may move the coverage order away from
 *      `fixed`, by validation pass@N (β = 0 is `fixed` itself), with its own
 *      weight for the first pick, which alone decides pass@1, or "prune
 *      nothing" first whatever the question; a setting other than the
 *      cautious one ("prune nothing" first, β = 0) must win by two standard
 *      errors;
 *   4. keep every training question's outcomes for the coverage order.
 */
import { Rng } from '../problems/rng';
import { scoreHeads, type SelectorParams } from './selector';
import { trainSelector, type TrainOptions } from './trainSelector';
import { calibratedLogit, fitPlatt, type Calibration } from './calibrate';
import type { SelectorFit } from './selectorFormat';
import { coverageOrder } from './coverage';
import { noneIndex, type OutcomeTable } from './outcomes';

export interface FitOptions extends TrainOptions {
  /** Weight of a (question, head) pair whose outcome differs from the unpruned model's, against 1 for the rest. */
  changeWeight: number;
  /** Share of the training questions held back to calibrate and choose β. */
  validationShare: number;
  /** The β values tried (each also with 0 for the first pick); the first of the best is kept, so list them from the most cautious. */
  betas: number[];
}

export const DEFAULT_FIT: Pick<FitOptions, 'changeWeight' | 'validationShare' | 'betas'> = {
  changeWeight: 3,
  validationShare: 0.2,
  betas: [0, 0.25, 0.5, 1, 2],
};

/** The N at which validation pass@N is averaged to choose β. */
const VALIDATION_NS = [1, 2, 4, 8];

export interface FittedSelector extends SelectorFit {
  params: SelectorParams;
  losses: number[];
}

/** Seeded split of 0..n-1 into fit and validation indices (validation at least 1 and at most n - 1). */
export function splitValidation(n: number, share: number, seed: number): { fit: number[]; validation: number[] } {
  const order = Array.from({ length: n }, (_, i) => i);
  const rng = new Rng(seed ^ 0x7a11d);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const v = Math.min(n - 1, Math.max(1, Math.round(n * share)));
  return { fit: order.slice(v).sort((a, b) => a - b), validation: order.slice(0, v).sort((a, b) => a - b) };
}

/** Rows `rows` of a row-major [*, width] array. */
export function takeRows(a: Float32Array, width: number, rows: readonly number[]): Float32Array {
  const out = new Float32Array(rows.length * width);
  rows.forEach((r, i) => out.set(a.subarray(r * width, (r + 1) * width), i * width));
  return out;
}

/** Per-pair weights [n, nCand]: changeWeight where a head's outcome differs from "prune nothing", else 1. */
export function changeWeights(table: OutcomeTable, changeWeight: number): Float32Array {
  const { y, nCand } = table;
  const w = new Float32Array(y.length).fill(1);
  const none = noneIndex(nCand);
  for (let i = 0; i < table.problems.length; i++) {
    const base = y[i * nCand + none];
    for (let j = 0; j < none; j++) w[i * nCand + j] = 1 + (changeWeight - 1) * Math.abs(y[i * nCand + j] - base);
  }
  return w;
}

/** Calibrated log-odds [nCand] of every candidate for one embedded question x [dIn]. */
export function candidateLogits(params: SelectorParams, calibration: Calibration, x: ArrayLike<number>, temperature: number): Float64Array {
  return scoreHeads(params, x, temperature).map((s) => calibratedLogit(calibration, s));
}

/** Pass@N of orders (candidate indices per question) on known outcomes y [n, nCand], one value per N. */
export function passAtNOfOrders(orders: number[][], y: Float32Array, nCand: number, ns: readonly number[]): number[] {
  return ns.map((N) => orders.reduce((s, order, i) => s + (order.slice(0, N).some((j) => y[i * nCand + j] >= 0.5) ? 1 : 0), 0) / orders.length);
}

/** Per question, the share of the given N at which the order solves it: [orders.length] values in 0..1. */
function solvedShares(orders: number[][], y: Float32Array, nCand: number, ns: readonly number[]): Float64Array {
  return Float64Array.from(orders, (order, i) => ns.filter((N) => order.slice(0, N).some((j) => y[i * nCand + j] >= 0.5)).length / ns.length);
}

/**
 * The setting to keep: the one with the best validation score, but only when it beats the first (most cautious)
 * setting by more than two standard errors of their paired difference; otherwise the first. A gain of a few
 * validation questions is noise, and chasing it cost pass@1 on held-out questions (docs/results.md).
 * @param shares per setting, [questions] solved shares; the first is the cautious default
 */
export function chooseSetting(shares: Float64Array[]): number {
  const mean = (v: Float64Array) => v.reduce((a, b) => a + b, 0) / v.length;
  const best = shares.reduce((b, s, i) => (mean(s) > mean(shares[b]) + 1e-12 ? i : b), 0);
  if (best === 0) return 0;
  const d = shares[best].map((v, q) => v - shares[0][q]);
  const m = mean(d);
  const se = Math.sqrt(d.reduce((a, v) => a + (v - m) ** 2, 0) / Math.max(1, d.length - 1) / d.length);
  return m > 2 * se ? best : 0;
}

const subTable = (t: OutcomeTable, rows: number[]): OutcomeTable => ({ problems: rows.map((r) => t.problems[r]), nCand: t.nCand, y: takeRows(t.y, t.nCand, rows) });

/**
 * @param x [table.problems.length, dIn] the training questions' embeddings, in the table's order
 * @param table the training questions' outcomes: calibration, β and the coverage order use these
 * @param labels what the selector trains on, when not `table` itself: the same questions' outcomes from
 *   another sweep (e.g. log-prob soft labels for a generate sweep's questions)
 */
export function fitSelector(x: Float32Array, table: OutcomeTable, options: FitOptions, labels: OutcomeTable = table): FittedSelector {
  const n = table.problems.length;
  const { nCand } = table;
  const dIn = x.length / n;
  const { fit, validation } = splitValidation(n, options.validationShare, options.seed);
  const fitTable = subTable(table, fit);
  const valTable = subTable(table, validation);
  const fitLabels = subTable(labels, fit);
  const { params, losses } = trainSelector(
    { x: takeRows(x, dIn, fit), targets: fitLabels.y, weights: changeWeights(fitLabels, options.changeWeight), n: fit.length },
    nCand,
    { ...options, loss: 'sigmoid' },
  );
  const valX = takeRows(x, dIn, validation);
  const raw = validation.map((_, i) => scoreHeads(params, valX.subarray(i * dIn, (i + 1) * dIn), options.temperature));
  const calibration = fitPlatt(
    raw.flatMap((s) => Array.from(s)),
    valTable.y,
  );
  const logits = raw.map((s) => s.map((v) => calibratedLogit(calibration, v)));
  const meanLogits = Array.from({ length: nCand }, (_, j) => logits.reduce((s, l) => s + l[j], 0) / logits.length);
  const shifts = logits.map((l) => l.map((v, j) => v - meanLogits[j]));
  const limit = Math.max(...VALIDATION_NS);
  // The first pick is "prune nothing" (the cautious default, tried first), or free: chosen by coverage, with or without the shift.
  const firsts = (beta: number) => [{ noneFirst: true, betaFirst: 0 }, ...[...new Set([0, beta])].map((betaFirst) => ({ noneFirst: false, betaFirst }))];
  const settings = options.betas.flatMap((beta) => firsts(beta).map((first) => ({ ...first, beta })));
  const orders = settings.map(({ noneFirst, betaFirst, beta }) => shifts.map((shift) => coverageOrder(fitTable, { limit, shift, beta, betaFirst, noneFirst })));
  const tried = settings.map((setting, i) => ({ ...setting, passAtN: passAtNOfOrders(orders[i], valTable.y, nCand, VALIDATION_NS) }));
  const best = tried[chooseSetting(orders.map((o) => solvedShares(o, valTable.y, nCand, VALIDATION_NS)))];
  return {
    params,
    losses,
    calibration,
    meanLogits,
    beta: best.beta,
    betaFirst: best.betaFirst,
    noneFirst: best.noneFirst,
    validation: tried,
    fixedOrder: coverageOrder(table, { limit: nCand, noneFirst: true }),
  };
}
