/**
 * A SPRINT selector trained from a sweep over the training split, and the
 * order in which it would try heads (or no pruning) for a new question.
 */
import type { LoadedModel } from '../model/loadModel';
import { InvalidRequestError } from '../model/errors';
import type { SweepFile } from '../sweep/sweepSchema';
import { checkEncoderWidth, encodeQuestions, type EncoderSettings } from './questionEncoder';
import { outcomesFromSweep, noneIndex, type OutcomeTable } from './outcomes';
import { candidateLogits, fitSelector, DEFAULT_FIT, type FitOptions } from './fitSelector';
import { coverageOrder } from './coverage';
import { checkSelectorFor, SELECTOR_SCHEMA, SELECTOR_VERSION, type HeadRanking, type SelectorEncoder, type SprintSelector } from './selectorFormat';
import type { TrainOptions } from './trainSelector';
import { trainedOnFor } from './trainedOn';

export interface SprintTrainOptions extends TrainOptions, Partial<Pick<FitOptions, 'changeWeight' | 'validationShare' | 'betas'>> {
  /** The question encoder: 'mean-final-hidden' (default, offline) or 'minilm'. */
  encoder?: SelectorEncoder;
  encoderSettings?: EncoderSettings;
  /** Called once the questions are embedded, before training starts (for timing). */
  onEmbedded?: () => void;
  /** The training problems in words, for when their ids name no generator (trainedOn.ts). */
  problems?: string;
}

/** Trains on the sweep's problems at `trainIndices` (the training split; a share of it is held back for validation). */
export async function trainSprint(model: LoadedModel, file: SweepFile, trainIndices: number[], options: SprintTrainOptions): Promise<SprintSelector> {
  const table = outcomesFromSweep(file, trainIndices);
  const encoder = options.encoder ?? 'mean-final-hidden';
  const { x } = await encodeQuestions(model, encoder, table.problems.map((p) => file.problems[p].question), options.encoderSettings);
  options.onEmbedded?.();
  return selectorFromEmbeddings(x, table, file, model.fingerprint, { ...options, encoder });
}

/**
 * Everything of training after the questions are embedded: the fit, the
 * calibration, the validated setting and the file's fields.
 * @param x [table.problems.length, dIn] row-major question embeddings, in the table's order
 */
export function selectorFromEmbeddings(
  x: Float32Array, table: OutcomeTable, file: SweepFile, fingerprint: string, options: SprintTrainOptions & { encoder: SelectorEncoder },
): SprintSelector {
  const fitted = fitSelector(x, table, { ...DEFAULT_FIT, ...options } as FitOptions);
  const trainIds = table.problems.map((i) => file.problems[i].id);
  return {
    schema: SELECTOR_SCHEMA,
    version: SELECTOR_VERSION,
    model: { fingerprint, numLayers: file.model.numLayers, numHeads: file.model.numHeads },
    encoder: options.encoder,
    shape: fitted.params.shape,
    temperature: options.temperature,
    seed: options.seed,
    trainIds,
    params: Array.from(fitted.params.data),
    losses: fitted.losses,
    calibration: fitted.calibration,
    meanLogits: fitted.meanLogits,
    beta: fitted.beta,
    betaFirst: fitted.betaFirst,
    noneFirst: fitted.noneFirst,
    validation: fitted.validation,
    fixedOrder: fitted.fixedOrder,
    outcomes: Array.from(table.y, (v) => Math.round(v * 1000) / 1000),
    labels: file.mode === 'generate' ? 'answer' : 'logprob',
    trainedOn: trainedOnFor(trainIds, options.problems),
  };
}

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/** One question's ranking from its calibrated candidate log-odds [nCand]. */
export function rankingFrom(selector: SprintSelector, logits: ArrayLike<number>): HeadRanking {
  const nCand = selector.shape.nHeads;
  // A selector whose numbers pass the file's checks can still overflow on an unusual question: say so rather than rank NaN.
  if (!Array.prototype.every.call(logits, Number.isFinite)) {
    throw new InvalidRequestError('The selector gave a chance that is not a number for this question (its weights overflow): train or import another selector.');
  }
  const table = { problems: selector.trainIds.map((_, i) => i), nCand, y: Float32Array.from(selector.outcomes) };
  const shift = Array.from(logits, (v, j) => v - selector.meanLogits[j]);
  const order = coverageOrder(table, { limit: nCand, shift, beta: selector.beta, betaFirst: selector.betaFirst, noneFirst: selector.noneFirst });
  const { numHeads } = selector.model;
  const heads = order.filter((j) => j !== noneIndex(nCand)).map((j) => ({ layer: Math.floor(j / numHeads), head: j % numHeads, score: sigmoid(logits[j]) }));
  return { heads, none: { score: sigmoid(logits[noneIndex(nCand)]), position: order.indexOf(noneIndex(nCand)) } };
}

/** Each question's ranking, with the encoder the selector was trained with (one embedding pass for all). */
export async function rankHeadsFor(model: LoadedModel, selector: SprintSelector, questions: string[], settings?: EncoderSettings): Promise<HeadRanking[]> {
  checkSelectorFor(selector, model);
  if (questions.some((q) => !q.trim())) throw new InvalidRequestError('The question is empty: type or paste a question first.');
  const { x, dim } = await encodeQuestions(model, selector.encoder, questions, settings);
  checkEncoderWidth(selector.encoder, dim, selector.shape.dIn);
  return rankingsFromEmbeddings(selector, x, dim);
}

/** Each question's ranking from its embedding; x [questions, dim] row-major. */
export function rankingsFromEmbeddings(selector: SprintSelector, x: Float32Array, dim: number): HeadRanking[] {
  const params = { shape: selector.shape, data: Float64Array.from(selector.params) };
  return Array.from({ length: x.length / dim }, (_, q) =>
    rankingFrom(selector, candidateLogits(params, selector.calibration, x.subarray(q * dim, (q + 1) * dim), selector.temperature)));
}

/** One question's ranking. */
export async function rankHeads(model: LoadedModel, selector: SprintSelector, question: string, settings?: EncoderSettings): Promise<HeadRanking> {
  const [ranking] = await rankHeadsFor(model, selector, [question], settings);
  return ranking;
}
