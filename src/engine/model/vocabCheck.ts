/**
 * The tokenizer, config.json and the ONNX graph must agree on the
 * vocabulary: a token id at or past the embedding's rows makes the first
 * Gather fail deep inside the runtime, and logits of another width would
 * be read at the wrong offsets. Said at load time instead, naming the files.
 */
import type { PreTrainedTokenizer } from '@huggingface/transformers';
import type { InferenceSession } from 'onnxruntime-common';
import { ModelFileError } from './errors';
import type { DecoderSpec } from './modelConfig';

const AGREE = 'the tokenizer, config.json and the ONNX file must come from the same model (the same Hub repository and revision)';

/**
 * Throws when the tokenizer has ids past config.json's vocab_size. Fewer
 * tokenizer ids than vocab_size is normal: exports pad the embedding
 * (Qwen2.5: 151,665 tokens, 151,936 rows).
 */
export function checkTokenizerVocabulary(tokenizer: PreTrainedTokenizer, spec: DecoderSpec): void {
  let maxId = -1;
  for (const id of tokenizer.get_vocab().values()) maxId = Math.max(maxId, id);
  if (maxId >= spec.vocabSize) {
    throw new ModelFileError(
      'tokenizer.json',
      `it has token ids up to ${maxId}, but config.json's vocab_size is ${spec.vocabSize}: ids from ${spec.vocabSize} on have no embedding row; ${AGREE}`,
    );
  }
}

/** Throws when the session's logits output declares a vocabulary width other than config.json's. */
export function checkLogitsWidth(session: InferenceSession, spec: DecoderSpec, onnxFile: string): void {
  const meta = session.outputMetadata?.find((m) => m.name === 'logits');
  const width = meta?.isTensor ? meta.shape[meta.shape.length - 1] : undefined;
  if (typeof width === 'number' && width !== spec.vocabSize) {
    throw new ModelFileError(onnxFile, `its logits are ${width} wide, but config.json's vocab_size is ${spec.vocabSize}; ${AGREE}`);
  }
}
