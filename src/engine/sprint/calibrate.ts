/**
 * Platt scaling: p = σ(a·s + b) fitted by Newton's method on scores the
 * selector did not train on, so a "72% chance" means about 72 of 100 such
 * picks answered right on held-back training questions.
 */

export interface Calibration {
  a: number;
  b: number;
}

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

const softplus = (v: number) => (v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v)));

/** Mean log-loss of σ(a·s + b), with a little ridge on a so separable data stays finite. */
function meanLoss(scores: ArrayLike<number>, y: ArrayLike<number>, a: number, b: number): number {
  let total = 0;
  for (let i = 0; i < scores.length; i++) {
    const v = a * scores[i] + b;
    total += softplus(v) - y[i] * v;
  }
  return total / scores.length + 0.5e-4 * a * a;
}

/**
 * Newton's method with step halving (a plain Newton step overshoots when the raw scores are far too confident).
 * @param scores [m] raw selector scores
 * @param y [m] outcomes in [0, 1]
 */
export function fitPlatt(scores: ArrayLike<number>, y: ArrayLike<number>, iterations = 100): Calibration {
  let a = 1;
  let b = 0;
  const m = scores.length;
  let loss = meanLoss(scores, y, a, b);
  for (let it = 0; it < iterations; it++) {
    let ga = 1e-4 * a;
    let gb = 0;
    let haa = 1e-4;
    let hab = 0;
    let hbb = 1e-9;
    for (let i = 0; i < m; i++) {
      const p = sigmoid(a * scores[i] + b);
      const r = (p - y[i]) / m;
      const w = (p * (1 - p)) / m;
      ga += r * scores[i];
      gb += r;
      haa += w * scores[i] * scores[i];
      hab += w * scores[i];
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    let da = det > 0 ? (hbb * ga - hab * gb) / det : ga;
    let db = det > 0 ? (haa * gb - hab * ga) / det : gb;
    let next = meanLoss(scores, y, a - da, b - db);
    for (let halvings = 0; !(next < loss) && halvings < 40; halvings++) {
      da /= 2;
      db /= 2;
      next = meanLoss(scores, y, a - da, b - db);
    }
    if (!(next < loss)) break;
    a -= da;
    b -= db;
    const gain = loss - next;
    loss = next;
    if (gain < 1e-12) break;
  }
  return { a, b };
}

/** The calibrated log-odds a·s + b. */
export const calibratedLogit = ({ a, b }: Calibration, score: number) => a * score + b;
