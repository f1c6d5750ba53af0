/**
 * A SPRINT selector trained from a sweep over the training split, and the
 * heads it ranks for a new question.
 */
import type { LoadedModel } from '../model/loadModel';
import { InvalidRequestError } from '../model/errors';
import type { SweepFile } from '../sweep/sweepSchema';
import { checkEncoderWidth, encodeQuestions, type EncoderSettings } from './questionEncoder';
import { labelsFromSweep } from './labels';
import { scoreHeads } from './selector';
import { checkSelectorFor, SELECTOR_SCHEMA, type RankedHead, type SelectorEncoder, type SprintSelector } from './selectorFormat';
import { trainSelector, type TrainOptions } from './trainSelector';

export interface SprintTrainOptions extends TrainOptions {
  /** The question encoder: 'mean-final-hidden' (default, offline) or 'minilm'. */
  encoder?: SelectorEncoder;
  encoderSettings?: EncoderSettings;
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
  const encoder = options.encoder ?? 'mean-final-hidden';
  const { x } = await encodeQuestions(model, encoder, labels.problems.map((p) => file.problems[p].question), options.encoderSettings);
  options.onEmbedded?.();
  const nHeads = file.model.numLayers * file.model.numHeads;
  const { params, losses } = trainSelector({ x, targets: labels.targets, n: labels.problems.length }, nHeads, options);
  return {
    schema: SELECTOR_SCHEMA,
    version: 1,
    model: { fingerprint: model.fingerprint, numLayers: file.model.numLayers, numHeads: file.model.numHeads },
    encoder,
    shape: params.shape,
    temperature: options.temperature,
    seed: options.seed,
    trainIds: trainIndices.map((i) => file.problems[i].id),
    params: Array.from(params.data),
    losses,
  };
}

/** Heads ranked for each question, best first, with the encoder the selector was trained with (one embedding pass for all). */
export async function rankHeadsFor(model: LoadedModel, selector: SprintSelector, questions: string[], settings?: EncoderSettings): Promise<RankedHead[][]> {
  checkSelectorFor(selector, model);
  if (questions.some((q) => !q.trim())) throw new InvalidRequestError('The question is empty: type or paste a question first.');
  const { x, dim } = await encodeQuestions(model, selector.encoder, questions, settings);
  checkEncoderWidth(selector.encoder, dim, selector.shape.dIn);
  const params = { shape: selector.shape, data: Float64Array.from(selector.params) };
  const { numHeads } = selector.model;
  return questions.map((_, q) => {
    const scores = scoreHeads(params, x.subarray(q * dim, (q + 1) * dim), selector.temperature);
    return Array.from(scores, (score, i) => ({ layer: Math.floor(i / numHeads), head: i % numHeads, score })).sort((a, b) => b.score - a.score);
  });
}

/** Heads ranked for one question, best first. */
export async function rankHeads(model: LoadedModel, selector: SprintSelector, question: string, settings?: EncoderSettings): Promise<RankedHead[]> {
  const [ranked] = await rankHeadsFor(model, selector, [question], settings);
  return ranked;
}
