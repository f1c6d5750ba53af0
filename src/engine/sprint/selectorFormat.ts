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
  /** Every weight, flat, in selector.ts' layout(shape) order: W1, b1, W2, b2, then one k-vector per head. */
  params: number[];
  /** Mean training loss of each epoch. */
  losses: number[];
}

export interface RankedHead {
  layer: number;
  head: number;
  score: number;
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
