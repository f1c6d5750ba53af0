/** onnxruntime-web in the worker: sessions on the backend chooseBackend picked. */
import * as ort from 'onnxruntime-web/webgpu';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import mjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import { BackendError } from '../engine/model/errors';
import { wasmMemoryProblem } from '../engine/model/browserLimits';
import type { ExternalData, ModelRuntime } from '../engine/model/loadModel';
import type { Backend, ThreadsChoice } from './protocol';
import { decideThreads, type ThreadsDecision } from './wasmThreads';

/** The thread count onnxruntime-web started with: it reads it once, at its first session. */
let started: ThreadsDecision | undefined;

/**
 * A ModelRuntime whose sessions use `backend`; on WebGPU the KV cache stays on the GPU.
 * @param onThreads told the WASM thread count in use once the first session has opened
 */
export function webRuntime(backend: Backend, threads: ThreadsChoice = 1, onThreads?: (d: ThreadsDecision) => void): ModelRuntime {
  // Vite renames both files when it bundles them; tell onnxruntime where they went. With the .mjs
  // named, its thread workers start from that file, not from this worker's script (which would start
  // a second engine): that is what lets threads run inside the engine worker.
  ort.env.wasm.wasmPaths = { wasm: new URL(wasmUrl, self.location.href).href, mjs: new URL(mjsUrl, self.location.href).href };
  // Node-placement notices are warnings, not failures: keep the console for real errors.
  ort.env.logLevel = 'error';
  const options: ort.InferenceSession.SessionOptions = { executionProviders: [backend], logSeverityLevel: 3 };
  const createSession = async (bytes: Uint8Array, externalData: ExternalData[], presentNames: string[]) => {
    // On WebGPU the KV cache stays on the GPU between steps; only logits come back.
    const location = backend === 'webgpu' ? Object.fromEntries(presentNames.map((n) => [n, 'gpu-buffer' as const])) : undefined;
    // Said before onnxruntime-web runs out of its WebAssembly memory with a bare abort.
    const tooLarge = backend === 'wasm' ? wasmMemoryProblem(bytes.length + externalData.reduce((n, e) => n + e.data.length, 0)) : undefined;
    if (tooLarge) throw new BackendError(tooLarge);
    // Auto goes by the weights' whole size: a large model keeps most of them in external data.
    const size = bytes.length + externalData.reduce((n, e) => n + e.data.length, 0);
    const decision = started ?? decideThreads(threads, size, self.crossOriginIsolated, navigator.hardwareConcurrency ?? 1);
    if (!started) ort.env.wasm.numThreads = decision.threads;
    try {
      const session = await ort.InferenceSession.create(bytes, { ...options, externalData, preferredOutputLocation: location });
      started = decision;
      onThreads?.(decision);
      return session;
    } catch (err) {
      const message = (err as Error).message ?? String(err);
      if (/no available backend|initWasm|webgpu/i.test(message)) {
        throw new BackendError(`onnxruntime-web could not start its ${backend === 'webgpu' ? 'WebGPU' : 'WASM'} backend: ${message}`);
      }
      throw err;
    }
  };
  return { Tensor: ort.Tensor, createSession };
}
