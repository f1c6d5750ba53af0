/**
 * A made-up sweep whose truth is known, for testing SPRINT without a model:
 * questions fall in clusters that are separable in embedding space, and in
 * each cluster one head, when pruned, fixes most of the questions the
 * unpruned model gets wrong. A selector that reads the embedding can learn
 * which head to try first; the `fixed` order, one for every question, can't.
 */
import { Rng } from '../../problems/rng';
import { singleHeadConfigs, type SweepFile } from '../../sweep/sweepSchema';
import { noneIndex } from '../outcomes';

export interface PlantedOptions {
  /** Questions drawn (training and held-out alike: they are i.i.d., so any split of them works). */
  questions: number;
  clusters: number;
  /** Embedding width. */
  dim: number;
  numLayers: number;
  numHeads: number;
  /** Share of questions the unpruned model gets right. */
  baseRate: number;
  /** Chance that pruning a question's helpful head fixes it when the unpruned model is wrong. */
  fixRate: number;
  /** Chance that pruning any other head flips the unpruned outcome either way (noise the selector should not chase). */
  flipRate: number;
  /**
   * 'planted': a question's helpful head is its cluster's; 'null': drawn among the same heads
   * independently of the cluster, so the embedding says nothing about it (the negative control).
   */
  effect: 'planted' | 'null';
  /**
   * Whether the unpruned model is right: 'embedded', readable from the question (one direction of its
   * embedding, as the bundled models' right/wrong is: held-out AUC 0.92 to 0.94 from their embeddings);
   * 'coin', a coin flip per question that no embedding predicts (harder than any model measured here).
   */
  base: 'embedded' | 'coin';
  seed: number;
}

export interface PlantedWorld {
  /** [questions] text keys ("planted-<i>"), for a stand-in encoder to look up. */
  questions: string[];
  /** [questions, dim] row-major embeddings: the question's cluster centre plus unit Gaussian noise. */
  x: Float32Array;
  /** [questions, nCand] row-major 0/1 outcomes: every head row-major, then "prune nothing" last. */
  y: Float32Array;
  nCand: number;
  /** [questions] each question's cluster. */
  cluster: Int32Array;
  /** [clusters] the candidate index of each cluster's helpful head. */
  helpful: number[];
}

/** The standard normal quantile of p, by bisection on a close approximation of the normal CDF. */
function normalQuantile(p: number): number {
  const cdf = (z: number) => 0.5 * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (z + 0.044715 * z ** 3)));
  let [lo, hi] = [-6, 6];
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (cdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Draws the world. Right/wrong per candidate, given whether the unpruned model is right (base):
 *   the question's helpful head: right when base (95%), else fixRate;
 *   another cluster's helpful head: right when base (80%: it hurts here), else 3%;
 *   any other head: flips the unpruned outcome with chance flipRate (near-neutral noise).
 */
export function plantedWorld(o: PlantedOptions): PlantedWorld {
  const rng = new Rng(o.seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng.float())) * Math.cos(2 * Math.PI * rng.float());
  const nHeads = o.numLayers * o.numHeads;
  const nCand = nHeads + 1;
  // Centres 3 apart per dimension on average: clusters sit about 17 apart, noise moves a question about 1 along any direction.
  const centres = Array.from({ length: o.clusters }, () => Float64Array.from({ length: o.dim }, () => 3 * gauss()));
  const heads = Array.from({ length: nHeads }, (_, j) => j);
  for (let i = heads.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [heads[i], heads[j]] = [heads[j], heads[i]];
  }
  const helpful = heads.slice(0, o.clusters);
  const x = new Float32Array(o.questions * o.dim);
  const y = new Float32Array(o.questions * nCand);
  const cluster = new Int32Array(o.questions);
  for (let q = 0; q < o.questions; q++) {
    const c = rng.int(0, o.clusters - 1);
    cluster[q] = c;
    for (let d = 0; d < o.dim; d++) x[q * o.dim + d] = centres[c][d] + gauss();
    const fixer = o.effect === 'planted' ? helpful[c] : rng.pick(helpful);
    // 'embedded': the last coordinate's own noise decides, at the quantile that gives baseRate.
    const base = o.base === 'coin' ? rng.chance(o.baseRate) : x[q * o.dim + o.dim - 1] - centres[c][o.dim - 1] < normalQuantile(o.baseRate);
    y[q * nCand + noneIndex(nCand)] = Number(base);
    for (let j = 0; j < nHeads; j++) {
      const right = j === fixer ? (base ? 0.95 : o.fixRate) : helpful.includes(j) ? (base ? 0.8 : 0.03) : base ? 1 - o.flipRate : o.flipRate;
      y[q * nCand + j] = Number(rng.chance(right));
    }
  }
  return { questions: Array.from({ length: o.questions }, (_, q) => `planted-${q}`), x, y, nCand, cluster, helpful };
}

/** The world as a generate-mode sweep of every single head and the baseline over every question, as the CLI writes it. */
export function plantedSweep(world: PlantedWorld, numLayers: number, numHeads: number, fingerprint: string): SweepFile {
  const configs = singleHeadConfigs(numLayers, numHeads);
  // configs[0] is the baseline ("prune nothing", the last candidate); configs[1 + j] prunes head j.
  const candidate = (config: number) => (config === 0 ? noneIndex(world.nCand) : config - 1);
  return {
    schema: 'headlab-sweep',
    version: 2,
    model: { name: 'planted', fingerprint, numLayers, numHeads },
    mode: 'generate',
    maxNewTokens: 1,
    problems: world.questions.map((question, q) => ({ id: question, question, reference: String(q) })),
    configs,
    cells: world.questions.flatMap((_, problem) =>
      configs.map((_, config) => ({ config, problem, correct: world.y[problem * world.nCand + candidate(config)] === 1 })),
    ),
  };
}
