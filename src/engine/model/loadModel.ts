/**
 * Loads a decoder from its files, wherever they live: the caller supplies a
 * reader (fetch in the worker, the file system in Node), a tokenizer loader
 * (transformers.js) and a session factory (onnxruntime-web or -node).
 * Every failure names the file at fault.
 */
import type { PreTrainedTokenizer } from '@huggingface/transformers';
import type { InferenceSession } from 'onnxruntime-common';
import { DecoderSession, type TensorClass } from './decoderSession';
import { BackendError, ModelFileError } from './errors';
import { parseDecoderSpec, type DecoderSpec } from './modelConfig';
import { fingerprint } from './fingerprint';

export const MODEL_ONNX_PATH = 'onnx/model.onnx';

export interface ModelFileReader {
  /** Resolves the file's bytes, or throws ModelFileError naming it. */
  bytes(name: string): Promise<Uint8Array>;
  /** Resolves undefined when the file does not exist. */
  optionalText(name: string): Promise<string | undefined>;
}

export interface LoadedModel {
  spec: DecoderSpec;
  tokenizer: PreTrainedTokenizer;
  decoder: DecoderSession;
  /** Size of the ONNX file in bytes. */
  onnxBytes: number;
  /** SHA-256 of the ONNX file as loaded, before any surgery. */
  fingerprint: string;
}

export interface ModelRuntime {
  Tensor: TensorClass;
  createSession(bytes: Uint8Array): Promise<InferenceSession>;
}

/** Throws unless the bytes start like an ONNX ModelProto (field 1, ir_version, varint). */
export function checkOnnxHeader(bytes: Uint8Array, file = MODEL_ONNX_PATH): void {
  if (bytes.length === 0) throw new ModelFileError(file, 'the file is empty');
  if (bytes[0] !== 0x08) {
    const head = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new ModelFileError(file, `not an ONNX model (it starts with bytes ${head}, an ONNX file starts with 08)`);
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Reads config.json, the tokenizer and onnx/model.onnx, and opens a session. */
export async function loadDecoderModel(
  files: ModelFileReader,
  loadTokenizer: () => Promise<PreTrainedTokenizer>,
  runtime: ModelRuntime,
): Promise<LoadedModel> {
  const configText = await files.optionalText('config.json');
  if (configText === undefined) throw new ModelFileError('config.json', 'not found');
  const spec = parseDecoderSpec(configText, await files.optionalText('generation_config.json'));

  let tokenizer: PreTrainedTokenizer;
  try {
    tokenizer = await loadTokenizer();
  } catch (err) {
    throw new ModelFileError('tokenizer.json', `the tokenizer could not be loaded (${errorText(err)})`);
  }

  const bytes = await files.bytes(MODEL_ONNX_PATH);
  checkOnnxHeader(bytes);
  let session: InferenceSession;
  try {
    session = await runtime.createSession(bytes);
  } catch (err) {
    if (err instanceof BackendError) throw err;
    throw new ModelFileError(MODEL_ONNX_PATH, `onnxruntime could not load it; the file may be truncated or corrupt (${errorText(err)})`);
  }
  return {
    spec,
    tokenizer,
    decoder: new DecoderSession(session, runtime.Tensor, spec),
    onnxBytes: bytes.length,
    fingerprint: await fingerprint(bytes),
  };
}
