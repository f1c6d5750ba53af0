/**
 * Trains the selector with Adam on (question embedding, head distribution)
 * pairs. Seeded shuffling and initialisation: the same data and seed give the
 * same selector, in the worker and in Node.
 */
import { Rng } from '../problems/rng';
import { initSelector, lossAndGrad, type SelectorLoss, type SelectorParams, type SelectorShape } from './selector';

export interface TrainingSet {
  /** [n, dIn] row-major question embeddings. */
  x: Float32Array;
  /** [n, nHeads] row-major targets: distributions over candidates ('infonce'), or each candidate's success in [0, 1] ('sigmoid'). */
  targets: Float32Array;
  /** [n, nHeads] per-pair weights of the sigmoid loss; all 1 when absent. */
  weights?: Float32Array;
  n: number;
}

export interface TrainOptions {
  hidden: number;
  k: number;
  temperature: number;
  epochs: number;
  batch: number;
  learningRate: number;
  weightDecay: number;
  seed: number;
  /** 'infonce' (the paper's) or 'sigmoid' (per-pair, calibratable); 'infonce' when absent. */
  loss?: SelectorLoss;
  signal?: AbortSignal;
  onEpoch?: (epoch: number, loss: number) => void;
}

export const DEFAULT_TRAIN: Omit<TrainOptions, 'signal' | 'onEpoch'> = {
  hidden: 128,
  k: 64,
  temperature: 0.1,
  epochs: 60,
  batch: 32,
  learningRate: 3e-3,
  weightDecay: 1e-4,
  seed: 0,
};

/** Returns the trained parameters and the mean loss of each epoch. */
export function trainSelector(data: TrainingSet, nHeads: number, options: TrainOptions): { params: SelectorParams; losses: number[] } {
  const dIn = data.x.length / data.n;
  const shape: SelectorShape = { dIn, hidden: options.hidden, k: options.k, nHeads };
  const params = initSelector(shape, options.seed);
  const size = params.data.length;
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  const grad = new Float64Array(size);
  const rng = new Rng(options.seed ^ 0x5eed);
  const order = Array.from({ length: data.n }, (_, i) => i);
  const losses: number[] = [];
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    options.signal?.throwIfAborted();
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [order[i], order[j]] = [order[j], order[i]];
    }
    let total = 0;
    for (let s = 0; s < order.length; s += options.batch) {
      const rows = order.slice(s, s + options.batch);
      grad.fill(0);
      for (const r of rows) {
        const row = (a: Float32Array) => a.subarray(r * nHeads, (r + 1) * nHeads);
        total += lossAndGrad(params, data.x.subarray(r * dIn, (r + 1) * dIn), row(data.targets), options.temperature, grad, {
          loss: options.loss,
          weights: data.weights && row(data.weights),
        });
      }
      step++;
      const [b1, b2, eps] = [0.9, 0.999, 1e-8];
      const lr = options.learningRate * Math.sqrt(1 - b2 ** step) / (1 - b1 ** step);
      for (let i = 0; i < size; i++) {
        const g = grad[i] / rows.length + options.weightDecay * params.data[i];
        m[i] = b1 * m[i] + (1 - b1) * g;
        v[i] = b2 * v[i] + (1 - b2) * g * g;
        params.data[i] -= (lr * m[i]) / (Math.sqrt(v[i]) + eps);
      }
    }
    losses.push(total / data.n);
    options.onEpoch?.(epoch, total / data.n);
  }
  return { params, losses };
}
