/**
 * The recipe on made-up embedded questions, where the truth is known: when
 * the embedding says which head fixes a question, validation chooses a
 * β > 0 and the per-question order beats `fixed` on new questions; when the
 * embedding carries nothing, the chances stay calibrated.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../problems/rng';
import { candidateLogits, chooseSetting, fitSelector, passAtNOfOrders, DEFAULT_FIT, type FitOptions } from './fitSelector';
import { coverageOrder } from './coverage';
import type { OutcomeTable } from './outcomes';

const HEADS = 8;
const NCAND = HEADS + 1;
const DIM = 6;

/** Questions in 4 clusters: the unpruned model solves 60%; in cluster c, head c fixes the rest (head c + 4 breaks a quarter). */
function world(n: number, seed: number, informative: boolean) {
  const rng = new Rng(seed);
  const x = new Float32Array(n * DIM);
  const y = new Float32Array(n * NCAND);
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, 3);
    const shown = informative ? c : rng.int(0, 3);
    for (let d = 0; d < DIM; d++) x[i * DIM + d] = (d === shown ? 2 : 0) + rng.float() - 0.5;
    const base = rng.chance(0.6);
    for (let h = 0; h < HEADS; h++) y[i * NCAND + h] = Number(h === c ? true : h === c + 4 ? base && rng.chance(0.75) : base);
    y[i * NCAND + HEADS] = Number(base);
  }
  const table: OutcomeTable = { problems: [...Array(n).keys()], nCand: NCAND, y };
  return { x, table };
}

const options: FitOptions = { ...DEFAULT_FIT, hidden: 16, k: 8, temperature: 1, epochs: 40, batch: 16, learningRate: 1e-2, weightDecay: 0, seed: 2 };

function heldOut(fitted: ReturnType<typeof fitSelector>, train: OutcomeTable, test: ReturnType<typeof world>) {
  const n = test.table.problems.length;
  const logits = Array.from({ length: n }, (_, i) => candidateLogits(fitted.params, fitted.calibration, test.x.subarray(i * DIM, (i + 1) * DIM), options.temperature));
  const sprint = logits.map((l) => coverageOrder(train, { limit: 4, shift: l.map((v, j) => v - fitted.meanLogits[j]), beta: fitted.beta }));
  const fixed = logits.map(() => fitted.fixedOrder);
  return { logits, sprint: passAtNOfOrders(sprint, test.table.y, NCAND, [1, 2]), fixed: passAtNOfOrders(fixed, test.table.y, NCAND, [1, 2]) };
}

describe('fitSelector', () => {
  it('trusts the selector when the embedding predicts which head fixes a question, and beats fixed on new questions', () => {
    const train = world(400, 1, true);
    const fitted = fitSelector(train.x, train.table, options);
    expect(fitted.beta).toBeGreaterThan(0);
    expect(fitted.fixedOrder[0]).toBe(HEADS);
    const r = heldOut(fitted, train.table, world(200, 2, true));
    // Fixed can add only one cluster's head at N = 2; SPRINT picks the right one for each question.
    expect(r.sprint[1]).toBeGreaterThan(r.fixed[1] + 0.15);
    expect(r.sprint[0]).toBeGreaterThanOrEqual(r.fixed[0] - 0.02);
  });

  it('gives calibrated chances when the embedding carries nothing', () => {
    const train = world(1000, 3, false);
    const fitted = fitSelector(train.x, train.table, options);
    const test = world(1000, 4, false);
    const { logits } = heldOut(fitted, train.table, test);
    let predicted = 0;
    let observed = 0;
    logits.forEach((l, i) => l.forEach((v, j) => {
      predicted += 1 / (1 + Math.exp(-v));
      observed += test.table.y[i * NCAND + j];
    }));
    // Outcomes share a question-level cause (whether the unpruned model is right), so the error shrinks with questions, not pairs.
    expect(Math.abs(predicted - observed) / (1000 * NCAND)).toBeLessThan(0.05);
  });
});

describe('chooseSetting', () => {
  const shares = (n: number, ones: number) => Float64Array.from({ length: n }, (_, i) => (i < ones ? 1 : 0));

  it('keeps the cautious first setting when the best one wins by a few questions net', () => {
    // 200 questions: the best solves 10 the first does not and misses 6 it solves; 4 net is inside two standard errors.
    const best = shares(200, 150);
    for (let q = 150; q < 160; q++) best[q] = 1;
    for (let q = 0; q < 6; q++) best[q] = 0;
    expect(chooseSetting([shares(200, 150), best, shares(200, 140)])).toBe(0);
  });

  it('takes the best setting when its paired gain is beyond two standard errors', () => {
    expect(chooseSetting([shares(200, 150), shares(200, 170)])).toBe(1);
  });
});
