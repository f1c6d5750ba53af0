/**
 * SPRINT's optional question encoder, as in the SPRINT paper: sentence
 * embeddings from all-MiniLM-L6-v2 (mean-pooled, L2-normalized) through
 * transformers.js' feature-extraction pipeline. It downloads the model from
 * the Hugging Face Hub, so it needs the network; the default encoder
 * (embedQuestions.ts, the loaded model's own hidden state) works offline.
 */
import { env, pipeline, type DataType, type FeatureExtractionPipeline } from '@huggingface/transformers';
import { ModelFileError } from '../model/errors';
import type { LoadProgressEvent } from '../model/httpReader';
import { withEnv, type EnvSettings } from '../model/modelSource';

import { MINILM_ID } from './selectorFormat';

export { MINILM_ID };

export interface SentenceEncoderOptions {
  /** Hub repository id; MINILM_ID when left out. */
  modelId?: string;
  /** A server in the Hub's URL layout (`{host}{id}/resolve/main/{file}`) to use instead of huggingface.co: a mirror, or a test server. */
  remoteHost?: string;
  /** Picks onnx/model{suffix}.onnx. Left out: transformers.js' default for the device (fp32 in Node, q8 in the browser). */
  dtype?: DataType;
  /** Download progress: transformers.js' own events, passed through. Only the first load of a (model, host, dtype) reports. */
  onProgress?: (e: LoadProgressEvent) => void;
  /**
   * Node only: the folder transformers.js downloads into (in Node it loads ONNX files from disk, so it needs one).
   * Left out: its own cache folder, or for a remoteHost a subfolder named after the host.
   */
  cacheDir?: string;
  /** Questions per forward pass: bounds the padded [batch, tokens, hidden] activations. */
  batch?: number;
}

/** Loaded pipelines by (model, host, dtype, folder): the download and session are made once per page or process. */
const pipelines = new Map<string, Promise<FeatureExtractionPipeline>>();

function loadPipeline(id: string, opts: SentenceEncoderOptions): Promise<FeatureExtractionPipeline> {
  const key = JSON.stringify([id, opts.remoteHost ?? null, opts.dtype ?? null, opts.cacheDir ?? null]);
  const cached = pipelines.get(key);
  if (cached) return cached;
  const settings: EnvSettings = { allowRemoteModels: true, allowLocalModels: false };
  let cacheDir = opts.cacheDir;
  if (opts.remoteHost) {
    Object.assign(settings, { remoteHost: opts.remoteHost, remotePathTemplate: '{model}/resolve/{revision}/' });
    // Node's file cache keys files by repo id and file name, not host: in the shared folder, a mirror's (or a
    // test's stand-in's) files would later be served for the real Hub id, and the reverse. The browser cache
    // keys by full URL, and has no folder (env.cacheDir is null there).
    if (!cacheDir && env.cacheDir) cacheDir = `${env.cacheDir.replace(/[\\/]?$/, '/')}hosts/${opts.remoteHost.replace(/[^\w.-]+/g, '_')}/`;
  }
  // Set in env too, not only as cache_dir: transformers.js reads config.json once without the option (to list the pipeline's files).
  if (cacheDir) settings.cacheDir = cacheDir;
  const progress = opts.onProgress as ((e: unknown) => void) | undefined;
  const options = { dtype: opts.dtype, progress_callback: progress, cache_dir: cacheDir };
  const loading = withEnv(settings, () => pipeline('feature-extraction', id, options)).catch(
    (err: unknown) => {
      // Forget the failure so a later call (back online) tries again.
      pipelines.delete(key);
      const where = opts.remoteHost ?? 'the Hugging Face Hub';
      // fetch's own message is just "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND...) is in its cause.
      const { message, cause } = err as Error & { cause?: Error };
      throw new ModelFileError(
        id,
        `the sentence encoder could not be loaded from ${where} (${message}${cause?.message ? `: ${cause.message}` : ''}). ` +
          `The MiniLM encoder downloads ${id} from the Hugging Face Hub, so it needs the network; ` +
          `the default encoder (the loaded model's own hidden state) works offline.`,
      );
    },
  );
  pipelines.set(key, loading);
  return loading;
}

/**
 * Sentence embeddings, one row per text: the model's last_hidden_state
 * mean-pooled over each text's tokens (padding excluded), then L2-normalized.
 * @param texts n questions
 * @returns x: [n, dim] row-major, each row of unit length; dim: the model's hidden size (384 for MiniLM)
 * @throws ModelFileError when the model cannot be downloaded (offline, Hub unreachable, no such repository)
 */
export async function embedWithSentenceModel(texts: string[], opts: SentenceEncoderOptions = {}): Promise<{ x: Float32Array; dim: number }> {
  const extractor = await loadPipeline(opts.modelId ?? MINILM_ID, opts);
  const dim = Number((extractor.model.config as unknown as { hidden_size: number }).hidden_size);
  const x = new Float32Array(texts.length * dim);
  const batch = Math.max(1, opts.batch ?? 32);
  for (let s = 0; s < texts.length; s += batch) {
    const out = await extractor(texts.slice(s, s + batch), { pooling: 'mean', normalize: true });
    // [rows, dim] float32 after pooling; a model without hidden_size in its config would show here.
    if (out.dims.length !== 2 || out.dims[1] !== dim) throw new Error(`${opts.modelId ?? MINILM_ID}: expected [n, ${dim}] embeddings, got [${out.dims.join(', ')}]`);
    x.set(out.data as Float32Array, s * dim);
    out.dispose();
  }
  return { x, dim };
}

/** Frees every loaded encoder's ONNX session (tests; or a page that no longer needs them). */
export async function releaseSentenceEncoders(): Promise<void> {
  const loaded = [...pipelines.values()];
  pipelines.clear();
  await Promise.all(loaded.map((p) => p.then((e) => e.dispose(), () => undefined)));
}
