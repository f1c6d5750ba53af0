/**
 * A trained SPRINT selector tied to its model: training from a sweep over
 * the training split, ranking heads for a new question, and the checks that
 * refuse a selector made for another model.
 */
import type { LoadedModel } from '../model/loadModel';
import { InvalidRequestError } from '../model/errors';
import type { SweepFile } from '../sweep/sweepSchema';
import { embedQuestions } from './embedQuestions';
import { labelsFromSweep } from './labels';
import { scoreHeads, type SelectorShape } from './selector';
import { trainSelector, type TrainOptions } from './trainSelector';

export const SELECTOR_SCHEMA = 'headlab-sprint-selector';

/** Question encoders: the loaded model's mean final hidden state (offline), or MiniLM sentence embeddings (needs the Hub). */
export const SELECTOR_ENCODERS = ['mean-final-hidden', 'minilm'] as const;
export type SelectorEncoder = (typeof SELECTOR_ENCODERS)[number];

export interface SprintSelector {
  schema: typeof SELECTOR_SCHEMA;
  version: 1;
  model: { fingerprint: string; numLayers: number; numHeads: number };
  encoder: SelectorEncoder;
  shape: SelectorShape;
  temperature: number;
  seed: number;
  /** Problem ids the selector was trained on: they must not be evaluated on. */
  trainIds: string[];
  params: number[];
  losses: number[];
}

export interface RankedHead {
  layer: number;
  head: number;
  score: number;
}

export interface SprintTrainOptions extends TrainOptions {
  /** Called once the questions are embedded, before training starts (for timing). */
  onEmbedded?: () => void;
}

/** Trains on the sweep's problems at `trainIndices` (the training split). */
export async function trainSprint(
  model: LoadedModel,
  file: SweepFile,
  trainIndices: number[],
  options: SprintTrainOptions,
): Promise<SprintSelector> {
  const labels = labelsFromSweep(file, trainIndices);
  const x = await embedQuestions(model, labels.problems.map((p) => file.problems[p].question));
  options.onEmbedded?.();
  const nHeads = file.model.numLayers * file.model.numHeads;
  const { params, losses } = trainSelector({ x, targets: labels.targets, n: labels.problems.length }, nHeads, options);
  return {
    schema: SELECTOR_SCHEMA,
    version: 1,
    model: { fingerprint: model.fingerprint, numLayers: file.model.numLayers, numHeads: file.model.numHeads },
    encoder: 'mean-final-hidden',
    shape: params.shape,
    temperature: options.temperature,
    seed: options.seed,
    trainIds: trainIndices.map((i) => file.problems[i].id),
    params: Array.from(params.data),
    losses,
  };
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
  if (selector.model.fingerprint !== model.fingerprint) {
    throw new InvalidRequestError('This selector was trained on a different model file (its fingerprint does not match); train one for this model.');
  }
}

/** Heads ranked for a question, best first. */
export async function rankHeads(model: LoadedModel, selector: SprintSelector, question: string): Promise<RankedHead[]> {
  checkSelectorFor(selector, model);
  if (!question.trim()) throw new InvalidRequestError('The question is empty: type or paste a question first.');
  const [x] = [await embedQuestions(model, [question])];
  const scores = scoreHeads({ shape: selector.shape, data: Float64Array.from(selector.params) }, x, selector.temperature);
  const { numHeads } = selector.model;
  return Array.from(scores, (score, i) => ({ layer: Math.floor(i / numHeads), head: i % numHeads, score })).sort((a, b) => b.score - a.score);
}
