/**
 * SPRINT's contrastive head selector (arXiv 2506.03978): a small MLP maps a
 * question embedding x [dIn] to z [k]; each candidate (a head, and here also
 * "prune nothing") has a learned embedding e_j [k]; the score of candidate j
 * for the question is s_j = z · e_j / temperature.
 *
 * Two contrastive losses align the two embeddings:
 *   'infonce'  the paper's: L = -Σ_j t_j log softmax(s)_j, with t a distribution over candidates;
 *   'sigmoid'  pairwise, as in SigLIP: L = Σ_j w_j BCE(σ(s_j), y_j) / Σ_j w_j, with y_j ∈ [0, 1] whether
 *              candidate j answered the question right. Each pair is its own yes/no, so σ(s_j) estimates a
 *              per-pick chance of success (which InfoNCE's softmax cannot), and a question that every
 *              candidate solves, or none, still teaches something.
 */
import { Rng } from '../problems/rng';

export interface SelectorShape {
  dIn: number;
  hidden: number;
  /** Embedding size k (64 in SPRINT). */
  k: number;
  /** Candidate heads: layers * heads, row-major. */
  nHeads: number;
}

/** All parameters, flat, in one Float64Array so the optimiser and gradient checks see one vector. */
export interface SelectorParams {
  shape: SelectorShape;
  data: Float64Array;
}

/** Offsets of W1 [dIn, hidden], b1 [hidden], W2 [hidden, k], b2 [k], E [nHeads, k] in `data`. */
export function layout({ dIn, hidden, k, nHeads }: SelectorShape) {
  const w1 = 0;
  const b1 = w1 + dIn * hidden;
  const w2 = b1 + hidden;
  const b2 = w2 + hidden * k;
  const e = b2 + k;
  return { w1, b1, w2, b2, e, size: e + nHeads * k };
}

/** Seeded He-style initialisation: the same seed gives the same selector. */
export function initSelector(shape: SelectorShape, seed: number): SelectorParams {
  const rng = new Rng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng.float())) * Math.cos(2 * Math.PI * rng.float());
  const L = layout(shape);
  const data = new Float64Array(L.size);
  for (let i = L.w1; i < L.b1; i++) data[i] = gauss() * Math.sqrt(2 / shape.dIn);
  for (let i = L.w2; i < L.b2; i++) data[i] = gauss() * Math.sqrt(1 / shape.hidden);
  for (let i = L.e; i < L.size; i++) data[i] = gauss() * Math.sqrt(1 / shape.k);
  return { shape, data };
}

interface Forward {
  h: Float64Array;
  z: Float64Array;
  scores: Float64Array;
}

/** z = relu(x W1 + b1) W2 + b2, scores_j = z · e_j / temperature. */
function forward(p: SelectorParams, x: ArrayLike<number>, temperature: number): Forward {
  const { dIn, hidden, k, nHeads } = p.shape;
  const L = layout(p.shape);
  const d = p.data;
  const h = new Float64Array(hidden);
  for (let j = 0; j < hidden; j++) {
    let s = d[L.b1 + j];
    for (let i = 0; i < dIn; i++) s += x[i] * d[L.w1 + i * hidden + j];
    h[j] = s > 0 ? s : 0;
  }
  const z = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let s = d[L.b2 + c];
    for (let j = 0; j < hidden; j++) s += h[j] * d[L.w2 + j * k + c];
    z[c] = s;
  }
  const scores = new Float64Array(nHeads);
  for (let n = 0; n < nHeads; n++) {
    let s = 0;
    for (let c = 0; c < k; c++) s += z[c] * d[L.e + n * k + c];
    scores[n] = s / temperature;
  }
  return { h, z, scores };
}

/** Scores [nHeads] for one question embedding x [dIn]: higher means pruning that head is more promising. */
export function scoreHeads(p: SelectorParams, x: ArrayLike<number>, temperature: number): Float64Array {
  return forward(p, x, temperature).scores;
}

function logSoftmax(s: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of s) max = Math.max(max, v);
  let sum = 0;
  for (const v of s) sum += Math.exp(v - max);
  const lse = max + Math.log(sum);
  return s.map((v) => v - lse);
}

export type SelectorLoss = 'infonce' | 'sigmoid';

const softplus = (v: number) => (v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v)));
const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/** dL/ds [nHeads] and the loss, for either loss. */
function scoreGradient(scores: Float64Array, target: ArrayLike<number>, loss: SelectorLoss, weights?: ArrayLike<number>): { value: number; ds: Float64Array } {
  const n = scores.length;
  if (loss === 'infonce') {
    const logp = logSoftmax(scores);
    let value = 0;
    for (let j = 0; j < n; j++) if (target[j] > 0) value -= target[j] * logp[j];
    return { value, ds: logp.map((l, j) => Math.exp(l) - target[j]) };
  }
  let total = 0;
  for (let j = 0; j < n; j++) total += weights ? weights[j] : 1;
  let value = 0;
  const ds = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const w = (weights ? weights[j] : 1) / total;
    value += w * (softplus(scores[j]) - target[j] * scores[j]);
    ds[j] = w * (sigmoid(scores[j]) - target[j]);
  }
  return { value, ds };
}

/**
 * Loss of one question and, when `grad` is given, adds dL/dparams to it.
 * @param x [dIn] the question embedding
 * @param target [nHeads]: for 'infonce' a distribution over candidates (sums to 1); for 'sigmoid' each candidate's success in [0, 1]
 * @param weights [nHeads] per-pair weights of the sigmoid loss (all 1 when absent)
 */
export function lossAndGrad(
  p: SelectorParams,
  x: ArrayLike<number>,
  target: ArrayLike<number>,
  temperature: number,
  grad?: Float64Array,
  { loss: kind = 'infonce', weights }: { loss?: SelectorLoss; weights?: ArrayLike<number> } = {},
): number {
  const { dIn, hidden, k, nHeads } = p.shape;
  const L = layout(p.shape);
  const d = p.data;
  const { h, z, scores } = forward(p, x, temperature);
  const { value: loss, ds: dScores } = scoreGradient(scores, target, kind, weights);
  if (!grad) return loss;

  // s_n = z·e_n / T.
  const dz = new Float64Array(k);
  for (let n = 0; n < nHeads; n++) {
    const ds = dScores[n] / temperature;
    for (let c = 0; c < k; c++) {
      grad[L.e + n * k + c] += ds * z[c];
      dz[c] += ds * d[L.e + n * k + c];
    }
  }
  const dh = new Float64Array(hidden);
  for (let c = 0; c < k; c++) grad[L.b2 + c] += dz[c];
  for (let j = 0; j < hidden; j++) {
    for (let c = 0; c < k; c++) {
      grad[L.w2 + j * k + c] += h[j] * dz[c];
      dh[j] += d[L.w2 + j * k + c] * dz[c];
    }
  }
  for (let j = 0; j < hidden; j++) {
    if (h[j] <= 0) continue;
    grad[L.b1 + j] += dh[j];
    for (let i = 0; i < dIn; i++) grad[L.w1 + i * hidden + j] += x[i] * dh[j];
  }
  return loss;
}
