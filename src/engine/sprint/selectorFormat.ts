/**
 * What a trained SPRINT selector is, as stored and exchanged: its fields,
 * its question encoders, and the check that ties it to one model file.
 * Free of engine imports, so the UI can use it without pulling in the
 * inference code.
 */
import { InvalidRequestError } from '../model/errors';
import type { SelectorShape } from './selector';

export const SELECTOR_SCHEMA = 'headlab-sprint-selector';

/** Question encoders: the loaded model's mean final hidden state (offline), or MiniLM sentence embeddings (needs the Hub). */
export const SELECTOR_ENCODERS = ['mean-final-hidden', 'minilm'] as const;
export type SelectorEncoder = (typeof SELECTOR_ENCODERS)[number];

/** The sentence-transformers model the SPRINT paper embeds questions with, as transformers.js' ONNX export. */
export const MINILM_ID = 'Xenova/all-MiniLM-L6-v2';

export const ENCODER_LABELS: Record<SelectorEncoder, string> = {
  'mean-final-hidden': "the model's own mean final hidden state",
  minilm: 'all-MiniLM-L6-v2 sentence embeddings',
};

/** What the validation share decided: calibration, the per-question weights, and the `fixed` order. */
export interface SelectorFit {
  /** Platt scaling of the scores into log-odds of a right answer, fitted on the validation share. */
  calibration: { a: number; b: number };
  /** [nCand] each candidate's mean calibrated log-odds on the validation share. */
  meanLogits: number[];
  /** How far per-question scores move the coverage order away from `fixed` (0: not at all), chosen on the validation share. */
  beta: number;
  /** The same for the first pick, which alone decides pass@1. */
  betaFirst: number;
  /** Whether every order starts with "prune nothing" (chosen on the validation share). */
  noneFirst: boolean;
  /** Validation pass@N (N = 1, 2, 4, 8) of each setting tried. */
  validation: { noneFirst: boolean; betaFirst: number; beta: number; passAtN: number[] }[];
  /** The `fixed` baseline: one coverage order of candidate indices for every question, from the training questions. */
  fixedOrder: number[];
}

/** What a selector was trained on: the number of training questions and their problem set in words ("synthetic generator, seed 11"). */
export interface TrainedOn {
  count: number;
  problems: string;
}

/** Version 2: candidates include "prune nothing", calibrated chances, and the coverage table. */
export const SELECTOR_VERSION = 2;

export interface SprintSelector extends SelectorFit {
  schema: typeof SELECTOR_SCHEMA;
  version: typeof SELECTOR_VERSION;
  model: { fingerprint: string; numLayers: number; numHeads: number };
  encoder: SelectorEncoder;
  shape: SelectorShape;
  temperature: number;
  seed: number;
  /** Problem ids the selector was trained on: they must not be evaluated on. */
  trainIds: string[];
  /** Every weight, flat, in selector.ts' layout(shape) order: W1, b1, W2, b2, then one k-vector per candidate (each head, row-major, then "prune nothing"). */
  params: number[];
  /** Mean training loss of each epoch. */
  losses: number[];
  /** [trainIds.length, nCand] row-major outcomes of the training questions (1 right, 0 wrong; soft for log-prob sweeps), for the coverage order. */
  outcomes: number[];
  /** What the outcomes measure: a right answer (generate sweeps) or a likelier reference solution (log-prob sweeps). */
  labels: 'answer' | 'logprob';
  /** Where the training questions came from; absent in files written before it was recorded. */
  trainedOn?: TrainedOn;
}

/** A head as SPRINT ranks it for one question. */
export interface RankedHead {
  layer: number;
  head: number;
  /** Estimated chance (0..1) that the answer is right with this head pruned (calibrated on held-back training questions). */
  score: number;
}

/** One question's ranking: every head in the order to try them, and where "prune nothing" falls. */
export interface HeadRanking {
  /** Every head, in the diverse order (each pick chosen to cover the earlier picks' likely misses). */
  heads: RankedHead[];
  /** The unpruned model's estimated chance, and its place in the order (0: try it first). */
  none: { score: number; position: number };
}

/** The first n picks of a ranking, "prune nothing" (null) in its place. */
export function topPicks(ranking: HeadRanking, n: number): (RankedHead | null)[] {
  const all: (RankedHead | null)[] = [...ranking.heads];
  all.splice(ranking.none.position, 0, null);
  return all.slice(0, n);
}

/** What a selector must match: the model file and its grid (a LoadedModel, or the UI's ModelInfo). */
export interface ModelIdentity {
  fingerprint: string;
  spec: { numLayers: number; numHeads: number };
}

/** Throws unless the selector was trained for this model file and grid. */
export function checkSelectorFor(selector: SprintSelector, model: ModelIdentity): void {
  if (selector.schema !== SELECTOR_SCHEMA) throw new InvalidRequestError('This file is not a HeadLab SPRINT selector.');
  const { numLayers, numHeads } = model.spec;
  if (selector.model.numLayers !== numLayers || selector.model.numHeads !== numHeads) {
    throw new InvalidRequestError(`This selector is for ${selector.model.numLayers} x ${selector.model.numHeads} heads; the loaded model has ${numLayers} x ${numHeads}.`);
  }
  if (selector.version !== SELECTOR_VERSION) {
    throw new InvalidRequestError(`This selector file is version ${selector.version}; this app reads version ${SELECTOR_VERSION} (train the selector again).`);
  }
  if (selector.model.fingerprint !== model.fingerprint) {
    throw new InvalidRequestError('This selector was trained on a different model file (its fingerprint does not match); train one for this model.');
  }
}
