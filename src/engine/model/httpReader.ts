/**
 * Reads model files over HTTP, from the Hugging Face Hub or any server, with
 * per-file progress in transformers.js' event shape. Hub downloads are kept
 * in Cache Storage under transformers.js' own cache name and key (the remote
 * URL), so a file either library downloaded is found by both.
 */
import { env } from '@huggingface/transformers';
import { ModelFileError } from './errors';
import type { ModelFileReader } from './loadModel';

export interface LoadProgressEvent {
  status: 'initiate' | 'download' | 'progress' | 'done';
  name: string;
  file: string;
  progress?: number;
  loaded?: number;
  total?: number;
}

/** URL of `file` in Hub repo `id`, from transformers.js' remoteHost and remotePathTemplate. */
export function hubFileUrl(id: string, file: string, revision = 'main'): string {
  const path = env.remotePathTemplate.replaceAll('{model}', id).replaceAll('{revision}', encodeURIComponent(revision));
  return `${env.remoteHost.replace(/\/$/, '')}/${path.replace(/^\//, '').replace(/\/?$/, '/')}${file}`;
}

async function openCache(): Promise<Cache | undefined> {
  if (!env.useBrowserCache || typeof caches === 'undefined') return undefined;
  try {
    return await caches.open(env.cacheKey);
  } catch {
    return undefined;
  }
}

/** Streams a response body, reporting progress; returns the bytes. */
async function readWithProgress(res: Response, report: (loaded: number, total: number) => void): Promise<Uint8Array> {
  const total = Number(res.headers.get('content-length') ?? 0);
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    report(loaded, total);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export interface HttpReaderOptions {
  urlFor(file: string): string;
  /** Where the files are, for messages: "Hub repository x/y" or a base URL. */
  where: string;
  /** Keep downloads in Cache Storage (where there is one). */
  cache: boolean;
  onProgress?: (e: LoadProgressEvent) => void;
}

/** A ModelFileReader over HTTP: the Hub, a static server, or the app's own origin. */
export function httpReader({ urlFor, where, cache: useCache, onProgress }: HttpReaderOptions): ModelFileReader {
  const get = async (file: string): Promise<Response | undefined> => {
    const url = urlFor(file);
    const cache = useCache ? await openCache() : undefined;
    const cached = await cache?.match(url);
    if (cached) return cached;
    let res: Response;
    try {
      res = await fetch(url);
    } catch (err) {
      throw new ModelFileError(file, `could not be downloaded from ${url} (${(err as Error).message})`);
    }
    // A dev server answers unknown paths with its HTML page: that is a missing file too.
    if (res.status === 404 || (res.ok && !file.endsWith('.html') && (res.headers.get('content-type') ?? '').includes('text/html'))) return undefined;
    if (res.status === 401) throw new ModelFileError(file, `${url} was refused (401): ${where} does not exist or is private`);
    if (!res.ok) throw new ModelFileError(file, `HTTP ${res.status} from ${url}`);
    if (cache) await cache.put(url, res.clone()).catch(() => undefined);
    return res;
  };
  const name = where;
  return {
    async bytes(file) {
      onProgress?.({ status: 'initiate', name, file });
      const res = await get(file);
      if (!res) throw new ModelFileError(file, `not found in ${where}`);
      onProgress?.({ status: 'download', name, file });
      const bytes = await readWithProgress(res, (loaded, total) =>
        onProgress?.({ status: 'progress', name, file, loaded, total, progress: total ? (100 * loaded) / total : undefined }),
      );
      onProgress?.({ status: 'done', name, file, loaded: bytes.length, total: bytes.length, progress: 100 });
      return bytes;
    },
    async optionalText(file) {
      const res = await get(file);
      return res ? res.text() : undefined;
    },
  };
}
