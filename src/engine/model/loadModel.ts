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
import { TruncationSpecError } from '../truncate/truncationSpec';
import { parseDecoderSpec, type DecoderSpec } from './modelConfig';
import { fingerprint } from './fingerprint';
import { configDtype, externalDataFiles, onnxFileFor, type ModelDtype } from './modelFiles';
import { roomAfter } from './readBuffer';
import { checkLogitsWidth, checkTokenizerVocabulary } from './vocabCheck';
import { checkConfigAgainstGraph } from './configCheck';
import { sessionErrorMessage } from './sessionErrors';
import { readModelLayout } from '../onnx/modelLayout';
import { hasGroupQueryAttention } from '../onnx/findAttentionProjections';
import { attentionInputs, residualStreams } from '../onnx/layerCut';
import { LAYER_SKIP_MAX_BYTES, LayerSkip } from '../verify/layerSkip';

export interface ReadOptions {
  /**
   * Bytes to leave free after the data, in the same ArrayBuffer, for a
   * rewrite in place: the `headroom` bytes right after the result are then
   * the caller's to overwrite. A reader that cannot give the room returns an
   * array whose ArrayBuffer ends sooner, never one shared with other data.
   */
  headroom?: number;
}

export interface ModelFileReader {
  /** Resolves the file's bytes, or throws ModelFileError naming it. */
  bytes(name: string, options?: ReadOptions): Promise<Uint8Array>;
  /** Resolves undefined when the file does not exist. */
  optionalText(name: string): Promise<string | undefined>;
}

export interface LoadedModel {
  spec: DecoderSpec;
  tokenizer: PreTrainedTokenizer;
  decoder: DecoderSession;
  /** Size of the ONNX file in bytes. */
  onnxBytes: number;
  dtype: ModelDtype;
  /** SHA-256 of the ONNX file as loaded, before any surgery. */
  fingerprint: string;
}

/** An external-data file, as onnxruntime's externalData session option takes it. */
export interface ExternalData {
  /** Path as the ONNX file refers to it: the file name beside the model. */
  path: string;
  data: Uint8Array;
}

export interface ModelRuntime {
  Tensor: TensorClass;
  /** presentNames: the KV-cache outputs, which a GPU runtime may keep on the device. */
  createSession(bytes: Uint8Array, externalData: ExternalData[], presentNames: string[]): Promise<InferenceSession>;
}

/** A rewrite of the ONNX bytes before the session opens (head-mask surgery), done in the buffer they were read into. */
export interface ModelTransform {
  /** How many bytes the rewrite may add: the reader leaves that much room after the file. */
  headroom(spec: DecoderSpec): number;
  /**
   * Rewrites the model in buffer[0, length). `buffer` runs on over the room
   * the reader gave after the file, which may be less than asked for.
   * @returns the rewritten model: a view of buffer's memory, or a new array where it did not fit
   */
  apply(buffer: Uint8Array, length: number, spec: DecoderSpec): Uint8Array;
}

export interface LoadOptions {
  /** Which ONNX variant to load; config.json's transformers.js dtype, else fp32. */
  dtype?: ModelDtype;
  /** Rewrites the ONNX bytes before the session opens: headMaskTransform() for the head-mask surgery. */
  transform?: ModelTransform;
  /** Told when each step after the downloads starts, which can take seconds with nothing downloading. */
  onStage?: (stage: LoadStage) => void;
  /**
   * Rewrites weight values in place, keeping every length (low-rank
   * truncation): runs on the ONNX file and its external data after the
   * fingerprint is taken, so the fingerprint stays the original file's, and
   * before `transform`.
   */
  editWeights?: (onnx: Uint8Array, externalData: ExternalData[], spec: DecoderSpec) => Promise<void>;
  /**
   * Lets draft verification start rows at their pruned layer (verify/layerSkip), on a
   * single-file model under LAYER_SKIP_MAX_BYTES whose layers are a plain residual stack.
   */
  layerSkip?: boolean;
}

/** The steps between the last byte read and a usable model. */
export type LoadStage = 'surgery' | 'session';

/** Throws unless the bytes start like an ONNX ModelProto (field 1, ir_version, varint). */
export function checkOnnxHeader(bytes: Uint8Array, file: string): void {
  if (bytes.length === 0) throw new ModelFileError(file, 'the file is empty');
  if (bytes[0] !== 0x08) {
    const head = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new ModelFileError(file, `not an ONNX model (it starts with bytes ${head}, an ONNX file starts with 08)`);
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** residualStreams and attentionInputs of a model file, or undefined where it cannot be read: the surgery then names the fault. */
function layerStreams(model: Uint8Array, numLayers: number): { streams: string[]; attention?: string[] } | undefined {
  try {
    const layout = readModelLayout(model);
    const streams = residualStreams(layout, numLayers);
    return streams && { streams, attention: attentionInputs(layout, numLayers) };
  } catch {
    return undefined;
  }
}

/** Reads config.json, the tokenizer and the ONNX file (with its external data), and opens a session. */
export async function loadDecoderModel(
  files: ModelFileReader,
  loadTokenizer: () => Promise<PreTrainedTokenizer>,
  runtime: ModelRuntime,
  options: LoadOptions = {},
): Promise<LoadedModel> {
  const configText = await files.optionalText('config.json');
  if (configText === undefined) throw new ModelFileError('config.json', 'not found');
  const spec = parseDecoderSpec(configText, await files.optionalText('generation_config.json'));
  const config = JSON.parse(configText) as Record<string, unknown>;
  const dtype = options.dtype ?? configDtype(config) ?? 'fp32';
  const onnxFile = onnxFileFor(dtype);

  // transformers.js reads tokenizer_config.json too; without it, its error is "reading 'tokenizer_class'".
  if ((await files.optionalText('tokenizer_config.json')) === undefined) {
    throw new ModelFileError('tokenizer_config.json', 'not found: the tokenizer needs it beside tokenizer.json');
  }
  let tokenizer: PreTrainedTokenizer;
  try {
    tokenizer = await loadTokenizer();
  } catch (err) {
    throw new ModelFileError('tokenizer.json', `the tokenizer could not be loaded (${errorText(err)})`);
  }
  checkTokenizerVocabulary(tokenizer, spec);

  const { transform } = options;
  let headroom = 0;
  try {
    headroom = transform?.headroom(spec) ?? 0;
  } catch (err) {
    throw new ModelFileError(onnxFile, errorText(err));
  }
  const original = await files.bytes(onnxFile, { headroom });
  checkOnnxHeader(original, onnxFile);
  checkConfigAgainstGraph(original, spec, onnxFile);
  const externalData = await Promise.all(
    externalDataFiles(config, onnxFile).map(async (f) => ({ path: f.split('/').pop()!, data: await files.bytes(f) })),
  );
  // The fingerprint is of the file as read: it must be taken before the transform overwrites these bytes.
  const id = await fingerprint(original);
  const onnxLength = original.length;
  if (options.editWeights) {
    try {
      await options.editWeights(original, externalData, spec);
    } catch (err) {
      // A truncation this model cannot take (a layer it lacks, a rank above the matrix's) is the request's fault, not the file's.
      if (err instanceof TruncationSpecError) throw err;
      throw new ModelFileError(onnxFile, errorText(err));
    }
  }
  // Found before the surgery rewrites these bytes: its head-mask Mul hides the projections the search follows.
  const streams = options.layerSkip && externalData.length === 0 && onnxLength <= LAYER_SKIP_MAX_BYTES ? layerStreams(original.subarray(0, onnxLength), spec.numLayers) : undefined;
  let bytes = original;
  if (transform) {
    options.onStage?.('surgery');
    const room = Math.min(headroom, roomAfter(original));
    const buffer = new Uint8Array(original.buffer, original.byteOffset, onnxLength + room);
    try {
      bytes = transform.apply(buffer, onnxLength, spec);
    } catch (err) {
      throw new ModelFileError(onnxFile, errorText(err));
    }
  }
  let paddedBatches: boolean;
  try {
    paddedBatches = !hasGroupQueryAttention(readModelLayout(bytes));
  } catch (err) {
    throw new ModelFileError(onnxFile, errorText(err));
  }
  let session: InferenceSession;
  options.onStage?.('session');
  try {
    const presentNames = Array.from({ length: spec.numLayers }, (_, i) => [`present.${i}.key`, `present.${i}.value`]).flat();
    session = await runtime.createSession(bytes, externalData, presentNames);
  } catch (err) {
    if (err instanceof BackendError) throw err;
    throw new ModelFileError(onnxFile, sessionErrorMessage(onnxFile, errorText(err)));
  }
  try {
    checkLogitsWidth(session, spec, onnxFile);
  } catch (err) {
    await session.release();
    throw err;
  }
  const decoder = new DecoderSession(session, runtime.Tensor, spec, { paddedBatches });
  // The residual streams are fed and fetched as float32: fp16 exports keep the full pass.
  if (streams && paddedBatches && decoder.hasGreedyOutputs && decoder.kvType === 'float32') decoder.layerSkip = new LayerSkip(bytes, streams.streams, (b) => runtime.createSession(b, [], []), decoder, streams.attention);
  return {
    spec,
    tokenizer,
    decoder,
    onnxBytes: onnxLength + externalData.reduce((n, e) => n + e.data.length, 0),
    dtype,
    fingerprint: id,
  };
}
