/**
 * The selector's question encoders behind one call: the loaded model's own
 * mean final hidden state (default, offline) or MiniLM sentence embeddings
 * (the original SPRINT setup; downloads from the Hub). A selector records
 * which one trained it, and ranking uses the same one.
 */
import type { LoadedModel } from '../model/loadModel';
import { InvalidRequestError } from '../model/errors';
import { embedQuestions } from './embedQuestions';
import { embedWithSentenceModel, type SentenceEncoderOptions } from './sentenceEncoder';
import { ENCODER_LABELS, type SelectorEncoder } from './selectorFormat';

/** Where the MiniLM encoder downloads from, and its progress; ignored by the default encoder. */
export type EncoderSettings = Pick<SentenceEncoderOptions, 'remoteHost' | 'cacheDir' | 'onProgress'>;

/**
 * @returns x: [questions.length, dim] row-major embeddings; dim: the encoder's width
 */
export async function encodeQuestions(
  model: LoadedModel,
  encoder: SelectorEncoder,
  questions: string[],
  settings: EncoderSettings = {},
): Promise<{ x: Float32Array; dim: number }> {
  if (encoder === 'minilm') return embedWithSentenceModel(questions, settings);
  return { x: await embedQuestions(model, questions), dim: model.spec.hiddenSize };
}

/** Throws when an encoder's width is not the one the selector was trained with. */
export function checkEncoderWidth(encoder: SelectorEncoder, dim: number, expected: number): void {
  if (dim !== expected) {
    throw new InvalidRequestError(`The selector expects ${expected}-wide question embeddings from ${ENCODER_LABELS[encoder]}, but the encoder gave ${dim}.`);
  }
}
