/**
 * A point where long engine work lets other work in. In a Web Worker,
 * onnxruntime-web's WASM session.run returns a promise that settles as a
 * microtask, so a job made only of awaits never returns to the worker's
 * message queue: a `cancel` message would wait until the job ends. Each
 * checkpoint waits for one macrotask turn (where the queued message is
 * handled and the AbortController fires), then throws if aborted.
 */

type Resolve = () => void;

const waiting: Resolve[] = [];
let channel: MessageChannel | undefined;

/** One macrotask turn. MessageChannel, not setTimeout: nested timers are clamped to 4 ms in browsers. */
export function nextMacrotask(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const port = channel.port2;
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}

/** Lets queued messages run, then throws the signal's reason if it was aborted meanwhile. */
export async function checkpoint(signal?: AbortSignal): Promise<void> {
  if (!signal) return;
  await nextMacrotask();
  signal.throwIfAborted();
}
