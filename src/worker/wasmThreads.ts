/**
 * How many threads onnxruntime-web's WASM backend runs, and why.
 *
 * Threads need SharedArrayBuffer, so a cross-origin-isolated page (the dev
 * and preview servers send the two headers; a static host must too). The
 * runtime reads the count once, when its first session opens, so one engine
 * worker keeps one count: a different choice needs a fresh worker (the
 * model panel reloads the page with it in the link).
 */
import type { ThreadsChoice } from './protocol';

/** The headers a static host must send for WASM threads. */
export const ISOLATION_HEADERS = 'Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp';

/**
 * Below this size (ONNX file and external data) Auto runs at most 2 threads,
 * at or above it up to 4. In Chromium on 2 cores (bench/browserThreads.ts),
 * the 5.6 MB bundled model's draft-verified sweep ran 1.21x faster on 2
 * threads and its single answers 0.57x as fast (a step of one row is too
 * small to share), and SPRINT end to end took 3.2 against 4.1 minutes; a
 * 2.5 GB Qwen2.5-0.5B-shaped stand-in decoded at 1.52x. More than 2 threads
 * were not measured for a small model. The line sits between the two
 * measured sizes.
 */
export const AUTO_THREADS_MIN_BYTES = 64 * 1024 * 1024;

export interface ThreadsDecision {
  threads: number;
  reason: string;
}

/**
 * @param choice the model panel's Threads choice
 * @param modelBytes the ONNX file's size, for Auto
 * @param isolated whether the page is cross-origin isolated
 * @param cores navigator.hardwareConcurrency
 */
export function decideThreads(choice: ThreadsChoice, modelBytes: number, isolated: boolean, cores: number): ThreadsDecision {
  if (!isolated) return { threads: 1, reason: `threads are off: the page is not cross-origin isolated (a static host must send ${ISOLATION_HEADERS})` };
  const most = Math.max(1, Math.min(cores, 8));
  if (choice !== 'auto') {
    const threads = Math.min(choice, most);
    return { threads, reason: threads < choice ? `${threads} as asked for ${choice}: this machine has ${cores} cores` : 'as chosen' };
  }
  if (modelBytes < AUTO_THREADS_MIN_BYTES) {
    const threads = Math.min(2, most);
    const why = threads === 1 ? 'this machine has one core' : 'its sweeps ran faster on 2 than on 1, single answers slower (bench/README.md)';
    return { threads, reason: `Auto: ${threads} for a model under ${AUTO_THREADS_MIN_BYTES / 2 ** 20} MB: ${why}` };
  }
  const threads = Math.min(4, most);
  return { threads, reason: `Auto: ${threads} for a model of ${Math.round(modelBytes / 2 ** 20)} MB on ${cores} cores` };
}
