/**
 * SPRINT's contrastive head selector (arXiv 2506.03978): a small MLP maps a
 * question embedding x [dIn] to z [k]; each (layer, head) has a learned
 * embedding e_j [k]; the score of pruning head j for the question is
 * s_j = z · e_j / temperature. Training minimises InfoNCE with soft targets,
 * L = -Σ_j t_j log softmax(s)_j, which pulls a question toward the heads
 * whose pruning solved it and pushes it from the others.
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

/**
 * InfoNCE loss of one question and, when `grad` is given, adds dL/dparams to it.
 * @param target [nHeads] a distribution over heads (sums to 1)
 */
export function lossAndGrad(p: SelectorParams, x: ArrayLike<number>, target: ArrayLike<number>, temperature: number, grad?: Float64Array): number {
  const { dIn, hidden, k, nHeads } = p.shape;
  const L = layout(p.shape);
  const d = p.data;
  const { h, z, scores } = forward(p, x, temperature);
  const logp = logSoftmax(scores);
  let loss = 0;
  for (let n = 0; n < nHeads; n++) if (target[n] > 0) loss -= target[n] * logp[n];
  if (!grad) return loss;

  // dL/ds_n = softmax_n - t_n; s_n = z·e_n / T.
  const dz = new Float64Array(k);
  for (let n = 0; n < nHeads; n++) {
    const ds = (Math.exp(logp[n]) - target[n]) / temperature;
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
