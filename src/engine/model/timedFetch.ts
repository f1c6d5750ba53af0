/**
 * fetch with two timeouts, so a server that accepts and never answers, or
 * stops mid-file, ends the load with a message instead of hanging: one
 * until the response's headers arrive, one for each gap between body chunks.
 */

/** How long to wait for a response's headers. */
export const CONNECT_TIMEOUT_MS = 30_000;
/** How long a body may go without a byte before the download is given up. */
export const IDLE_TIMEOUT_MS = 30_000;

export interface FetchTimeouts {
  connectMs: number;
  idleMs: number;
}

/** The download stopped: no answer, or no data for too long. The message names the URL and how far it got. */
export class FetchStallError extends Error {
  override readonly name = 'FetchStallError';
}

const kB = (n: number) => (n < 1e6 ? `${(n / 1e3).toFixed(0)} kB` : `${(n / 1e6).toFixed(1)} MB`);

/**
 * A fetch whose response body is read through an idle timer.
 * @param base the fetch to wrap (the global one by default)
 */
export function timedFetch(timeouts: FetchTimeouts = { connectMs: CONNECT_TIMEOUT_MS, idleMs: IDLE_TIMEOUT_MS }, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const controller = new AbortController();
    const outer = init?.signal;
    outer?.addEventListener('abort', () => controller.abort(outer.reason), { once: true });
    let timer = setTimeout(() => controller.abort(new FetchStallError(`${url}: no answer from the server in ${timeouts.connectMs / 1000} s`)), timeouts.connectMs);
    let res: Response;
    try {
      res = await base(input, { ...init, signal: controller.signal });
    } catch (err) {
      throw controller.signal.reason instanceof FetchStallError ? controller.signal.reason : err;
    } finally {
      clearTimeout(timer);
    }
    if (!res.body) return res;
    const reader = res.body.getReader();
    let received = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(stream) {
        timer = setTimeout(() => controller.abort(new FetchStallError(`${url}: the download stalled, no data for ${timeouts.idleMs / 1000} s after ${kB(received)}`)), timeouts.idleMs);
        try {
          const { done, value } = await reader.read();
          if (done) stream.close();
          else {
            received += value.length;
            stream.enqueue(value);
          }
        } catch (err) {
          stream.error(controller.signal.reason instanceof FetchStallError ? controller.signal.reason : err);
        } finally {
          clearTimeout(timer);
        }
      },
      cancel: (reason) => reader.cancel(reason),
    });
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}
