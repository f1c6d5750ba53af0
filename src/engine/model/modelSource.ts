/**
 * Where a model comes from, and how each kind of source is read: the
 * bundled folder, any base URL in the Hub's file layout, or a Hugging Face
 * Hub repository id. Tokenizers always load through transformers.js.
 */
import { AutoTokenizer, env, type PreTrainedTokenizer } from '@huggingface/transformers';
import { timedFetch } from './timedFetch';
import { httpReader, hubFileUrl, type LoadProgressEvent } from './httpReader';
import type { ModelFileReader } from './loadModel';
import type { ModelDtype } from './modelFiles';

export type ModelSource =
  | { kind: 'bundled'; name: string }
  | { kind: 'url'; url: string }
  | { kind: 'hub'; id: string; dtype?: ModelDtype; revision?: string };

/** A Hub repository id as the Hub spells them: owner/name, letters, digits, '-', '_' and '.'. */
const HUB_ID = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;

/** Why `id` cannot be a Hub repository id, or undefined when it can. Checked before any request. */
export function hubIdProblem(id: string): string | undefined {
  // "." and ".." would walk the Hub URL's path (foo/.. is https://huggingface.co/foo/../resolve/...).
  if (id.split('/').some((part) => part === '.' || part === '..')) return `"${id}" is not a Hub model id: "." and ".." are not repository names.`;
  if (HUB_ID.test(id)) return undefined;
  return `"${id}" is not a Hub model id: write it as owner/name, e.g. onnx-community/Qwen2.5-0.5B-Instruct.`;
}

/** A short human name for the source. */
export function sourceName(source: ModelSource): string {
  return source.kind === 'bundled' ? source.name : source.kind === 'hub' ? source.id : source.url;
}

/** Splits a base URL into transformers.js' (host part, model id) so its remote loader fetches `${base}${file}`. */
function splitBaseUrl(base: string): { host: string; id: string } {
  const url = new URL(base.endsWith('/') ? base : base + '/');
  const parts = url.pathname.replace(/\/$/, '').split('/');
  const id = parts.pop() ?? '';
  return { host: `${url.origin}${parts.join('/')}/`, id };
}

export type EnvSettings = Partial<
  Pick<typeof env, 'allowLocalModels' | 'allowRemoteModels' | 'localModelPath' | 'remoteHost' | 'remotePathTemplate' | 'cacheDir' | 'fetch'>
>;

/** Runs `load` with transformers.js' global env changed, then puts the env back, so one source's settings never leak into the next. */
export async function withEnv<T>(settings: EnvSettings, load: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(settings).map((k) => [k, env[k as keyof EnvSettings]]));
  Object.assign(env, settings);
  try {
    return await load();
  } finally {
    Object.assign(env, saved);
  }
}

/**
 * The file reader and tokenizer loader for a source.
 * @param bundledBase absolute URL of the folder holding bundled models
 */
export function sourceAccess(
  source: ModelSource,
  bundledBase: string,
  onProgress?: (e: LoadProgressEvent) => void,
): { files: ModelFileReader; loadTokenizer: () => Promise<PreTrainedTokenizer> } {
  const progress = onProgress as ((e: unknown) => void) | undefined;
  if (source.kind === 'hub') {
    const problem = hubIdProblem(source.id);
    if (problem) throw new Error(problem);
    const revision = source.revision ?? 'main';
    return {
      files: httpReader({ urlFor: (f) => hubFileUrl(source.id, f, revision), where: `Hub repository ${source.id}`, cache: true, onProgress }),
      loadTokenizer: () =>
        withEnv({ allowRemoteModels: true, allowLocalModels: false, fetch: timedFetch() }, () =>
          AutoTokenizer.from_pretrained(source.id, { revision, progress_callback: progress }),
        ),
    };
  }
  const base = source.kind === 'bundled' ? new URL(`${source.name}/`, bundledBase).href : source.url.replace(/\/?$/, '/');
  const files = httpReader({ urlFor: (f) => new URL(f, base).href, where: base, cache: false, onProgress });
  const { host, id } = splitBaseUrl(base);
  if (source.kind === 'bundled') {
    // Same origin: transformers.js' local-model path, given as a path (it joins paths, not URLs).
    const path = new URL(host).pathname;
    return {
      files,
      loadTokenizer: () =>
        withEnv({ allowLocalModels: true, allowRemoteModels: false, localModelPath: path }, () =>
          AutoTokenizer.from_pretrained(id, { progress_callback: progress }),
        ),
    };
  }
  return {
    files,
    // Any other origin: transformers.js' remote loader, pointed at the base URL.
    loadTokenizer: () =>
      withEnv({ allowRemoteModels: true, allowLocalModels: false, remoteHost: host, remotePathTemplate: '{model}/', fetch: timedFetch() }, () =>
        AutoTokenizer.from_pretrained(id, { progress_callback: progress }),
      ),
  };
}
