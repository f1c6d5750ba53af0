/**
 * Reads model files over HTTP, from the Hugging Face Hub or any server, with
 * per-file progress in transformers.js' event shape. Hub downloads are kept
 * in Cache Storage under transformers.js' own cache name and key (the remote
 * URL), so a file either library downloaded is found by both.
 */
import { env } from '@huggingface/transformers';
import { ModelFileError } from './errors';
import type { ModelFileReader } from './loadModel';
import { joinWithHeadroom } from './readBuffer';
import { FetchStallError, timedFetch, type FetchTimeouts } from './timedFetch';

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

/** A zeroed buffer, or undefined where a bogus Content-Length asks for more than can be had: the body is read in chunks then. */
function allocate(length: number): Uint8Array | undefined {
  try {
    return new Uint8Array(length);
  } catch {
    return undefined;
  }
}

/**
 * Streams a response body, reporting progress; returns the bytes with
 * `headroom` free bytes after them in their ArrayBuffer.
 *
 * With a Content-Length, the buffer is allocated once at its final size and
 * each chunk is written into place as it arrives, so the file is held once.
 * Without one (or when the body outgrows it, as a compressed transfer can),
 * the chunks are kept and joined once at the end. That costs one copy, like
 * growing a buffer geometrically would, but peaks at twice the file rather
 * than up to three times, and leaves no unused capacity behind.
 */
async function readWithProgress(res: Response, headroom: number, report: (loaded: number, total: number) => void): Promise<Uint8Array> {
  const total = Number(res.headers.get('content-length') ?? 0);
  if (!res.body) {
    const whole = new Uint8Array(await res.arrayBuffer());
    return headroom > 0 ? joinWithHeadroom([whole], whole.length, headroom) : whole;
  }
  const sized = Number.isSafeInteger(total) && total > 0 ? allocate(total + headroom) : undefined;
  let filled = 0;
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (sized && chunks.length === 0 && filled + value.length <= total) {
      sized.set(value, filled);
      filled += value.length;
    } else chunks.push(value);
    loaded += value.length;
    report(loaded, total);
  }
  // A body shorter than announced still leaves at least `headroom` after it.
  if (sized && chunks.length === 0) return sized.subarray(0, filled);
  if (!sized && chunks.length === 1 && headroom === 0) return chunks[0];
  return joinWithHeadroom(sized ? [sized.subarray(0, filled), ...chunks] : chunks, loaded, headroom);
}

export interface HttpReaderOptions {
  urlFor(file: string): string;
  /** Where the files are, for messages: "Hub repository x/y" or a base URL. */
  where: string;
  /** Keep downloads in Cache Storage (where there is one). */
  cache: boolean;
  onProgress?: (e: LoadProgressEvent) => void;
  /** Connect and idle timeouts (timedFetch's defaults when absent). */
  timeouts?: FetchTimeouts;
}

/** A ModelFileReader over HTTP: the Hub, a static server, or the app's own origin. */
export function httpReader({ urlFor, where, cache: useCache, onProgress, timeouts }: HttpReaderOptions): ModelFileReader {
  const fetchTimed = timedFetch(timeouts);
  const get = async (file: string): Promise<Response | undefined> => {
    const url = urlFor(file);
    const cache = useCache ? await openCache() : undefined;
    const cached = await cache?.match(url);
    if (cached) return cached;
    let res: Response;
    try {
      res = await fetchTimed(url);
    } catch (err) {
      if (err instanceof FetchStallError) throw new ModelFileError(file, err.message);
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
    async bytes(file, { headroom = 0 } = {}) {
      onProgress?.({ status: 'initiate', name, file });
      const res = await get(file);
      if (!res) throw new ModelFileError(file, `not found in ${where}`);
      onProgress?.({ status: 'download', name, file });
      const bytes = await readWithProgress(res, headroom, (loaded, total) =>
        onProgress?.({ status: 'progress', name, file, loaded, total, progress: total ? (100 * loaded) / total : undefined }),
      ).catch((err: unknown) => {
        throw err instanceof FetchStallError ? new ModelFileError(file, err.message) : err;
      });
      onProgress?.({ status: 'done', name, file, loaded: bytes.length, total: bytes.length, progress: 100 });
      return bytes;
    },
    async optionalText(file) {
      const res = await get(file);
      return res?.text().catch((err: unknown) => {
        throw err instanceof FetchStallError ? new ModelFileError(file, err.message) : err;
      });
    },
  };
}
