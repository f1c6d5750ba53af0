/**
 * Loads a model in the worker from a base URL: files by fetch, the
 * tokenizer by transformers.js, the session by onnxruntime-web. Falls back
 * from WebGPU to WASM when a WebGPU session cannot be made, and says so.
 */
import { AutoTokenizer, env } from '@huggingface/transformers';
import { ModelFileError } from '../engine/model/errors';
import { loadDecoderModel, type LoadedModel, type ModelFileReader } from '../engine/model/loadModel';
import { parseDecoderSpec } from '../engine/model/modelConfig';
import { generate } from '../engine/model/generate';
import { chooseBackend, webRuntime, type BackendDecision } from './webRuntime';
import type { BackendChoice, LoadProgress, ModelInfo, ModelSource } from './protocol';

/** Base URL (ending in /) of a model source. */
export function sourceUrl(source: ModelSource): string {
  const url = source.kind === 'bundled' ? `${import.meta.env.BASE_URL}models/${source.name}/` : source.url;
  return url.endsWith('/') ? url : url + '/';
}

function fileReader(base: string, onProgress: (p: LoadProgress) => void): ModelFileReader {
  const get = async (name: string): Promise<Response | undefined> => {
    let res: Response;
    try {
      res = await fetch(new URL(name, new URL(base, self.location.href)));
    } catch (err) {
      throw new ModelFileError(name, `could not be fetched from ${base} (${(err as Error).message})`);
    }
    // A dev server answers unknown paths with its HTML page: treat that as missing.
    if (res.status === 404 || (res.ok && (res.headers.get('content-type') ?? '').includes('text/html'))) return undefined;
    if (!res.ok) throw new ModelFileError(name, `HTTP ${res.status} from ${base}`);
    return res;
  };
  return {
    async bytes(name) {
      onProgress({ status: 'initiate', file: name });
      const res = await get(name);
      if (!res) throw new ModelFileError(name, `not found at ${base}`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      onProgress({ status: 'done', file: name, loaded: bytes.length, total: bytes.length, progress: 100 });
      return bytes;
    },
    async optionalText(name) {
      const res = await get(name);
      return res ? res.text() : undefined;
    },
  };
}

async function tokenizerFrom(base: string, onProgress: (p: LoadProgress) => void) {
  const url = new URL(base, self.location.href);
  const parts = url.pathname.replace(/\/$/, '').split('/');
  const name = parts.pop()!;
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  // Path only: transformers.js joins paths in a way that would mangle "http://".
  env.localModelPath = `${parts.join("/")}/`;
  return AutoTokenizer.from_pretrained(name, { progress_callback: onProgress as never });
}

/** One greedy token from a one-token prompt, so WebGPU compiles its shaders now rather than on the first question. */
async function warmUp(model: LoadedModel): Promise<void> {
  const first = model.tokenizer.encode('1', { add_special_tokens: false });
  await generate(model.decoder, [first.slice(0, 1)], { maxNewTokens: 1 });
}

export async function loadInWorker(
  source: ModelSource,
  choice: BackendChoice,
  onProgress: (p: LoadProgress) => void,
): Promise<{ model: LoadedModel; info: ModelInfo }> {
  const base = sourceUrl(source);
  const files = fileReader(base, onProgress);
  const configText = await files.optionalText('config.json');
  if (configText === undefined) throw new ModelFileError('config.json', `not found at ${base}`);
  const spec = parseDecoderSpec(configText);

  let decision: BackendDecision = await chooseBackend(choice);
  const load = (d: BackendDecision) => loadDecoderModel(files, () => tokenizerFrom(base, onProgress), webRuntime(d.backend, spec));
  let model: LoadedModel;
  try {
    model = await load(decision);
    await warmUp(model);
  } catch (err) {
    // A file that is really corrupt fails on WASM too, and that error is the one reported.
    if (decision.backend !== 'webgpu') throw err;
    decision = { backend: 'wasm', reason: `WebGPU could not run this model (${(err as Error).message}); using WASM` };
    model = await load(decision);
    await warmUp(model);
  }
  const name = source.kind === 'bundled' ? source.name : base;
  return {
    model,
    info: { name, backend: decision.backend, backendReason: decision.reason, spec: model.spec, dtype: 'fp32', onnxBytes: model.onnxBytes },
  };
}
