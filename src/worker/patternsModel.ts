/**
 * The worker's second session, for attention patterns: the same model file
 * opened again with the attention outputs and the head mask, on the
 * backend the main session uses. It is made on the first request for
 * patterns and kept for that model, so decoding and sweeps never pay for
 * the extra outputs; a fused-attention export is remembered as such.
 */
import type { LoadedModel } from '../engine/model/loadModel';
import { loadDecoderModel } from '../engine/model/loadModel';
import type { ModelDtype } from '../engine/model/modelFiles';
import { sourceAccess, type ModelSource } from '../engine/model/modelSource';
import { isPatternsUnavailable, PATTERNS_UNAVAILABLE, patternsTransform } from '../engine/attention/questionPatterns';
import { refuseSecondCopy } from './secondCopy';
import { webRuntime } from './webRuntime';
import type { Backend } from './protocol';

/** What the main model was loaded from: the patterns session reads the same files. */
export interface LoadedFrom {
  source: ModelSource;
  backend: Backend;
  fingerprint: string;
}

/** The error a fused-attention export gets: its message is the sentence the UI shows. */
export class PatternsUnavailableError extends Error {
  override readonly name = 'PatternsUnavailable';
  constructor() {
    super(PATTERNS_UNAVAILABLE);
  }
}

let cached: { fingerprint: string; model: Promise<LoadedModel> } | undefined;

/**
 * The patterns session for the model loaded from `from`, opened on first use.
 * @param loadedBytes the main session's weights: on WASM both copies must fit one memory
 */
export function patternsModel(from: LoadedFrom, dtype: ModelDtype, loadedBytes: number): Promise<LoadedModel> {
  if (cached?.fingerprint !== from.fingerprint) {
    refuseSecondCopy(from, loadedBytes, dtype, 'Reading attention patterns', 'attention --prompt TEXT');
    const bundledBase = new URL(`${import.meta.env.BASE_URL}models/`, self.location.origin).href;
    const { files, loadTokenizer } = sourceAccess(from.source, bundledBase, () => undefined);
    const model = loadDecoderModel(files, loadTokenizer, webRuntime(from.backend), { dtype, transform: patternsTransform() }).catch(
      (err: unknown) => {
        throw isPatternsUnavailable(err) ? new PatternsUnavailableError() : err;
      },
    );
    cached = { fingerprint: from.fingerprint, model };
    // A failure other than a fused export (a network error, say) may pass: try again next time.
    model.catch((err: unknown) => {
      if (!(err instanceof PatternsUnavailableError) && cached?.model === model) cached = undefined;
    });
  }
  return cached.model;
}
