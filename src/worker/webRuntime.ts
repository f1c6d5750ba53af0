/** onnxruntime-web in the worker: sessions on the backend chooseBackend picked. */
import * as ort from 'onnxruntime-web/webgpu';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import { BackendError } from '../engine/model/errors';
import { wasmMemoryProblem } from '../engine/model/browserLimits';
import type { ExternalData, ModelRuntime } from '../engine/model/loadModel';
import type { Backend } from './protocol';

/** A ModelRuntime whose sessions use `backend`; on WebGPU the KV cache stays on the GPU. */
export function webRuntime(backend: Backend): ModelRuntime {
  // Vite renames the binary when it bundles it; tell onnxruntime where it went.
  ort.env.wasm.wasmPaths = { wasm: wasmUrl };
  // One thread: onnxruntime's bundled build spawns its pthread workers from this
  // worker's own script, which would start a second engine; small models gain little from threads.
  ort.env.wasm.numThreads = 1;
  // Node-placement notices are warnings, not failures: keep the console for real errors.
  ort.env.logLevel = 'error';
  const options: ort.InferenceSession.SessionOptions = { executionProviders: [backend], logSeverityLevel: 3 };
  const createSession = async (bytes: Uint8Array, externalData: ExternalData[], presentNames: string[]) => {
    // On WebGPU the KV cache stays on the GPU between steps; only logits come back.
    const location = backend === 'webgpu' ? Object.fromEntries(presentNames.map((n) => [n, 'gpu-buffer' as const])) : undefined;
    // Said before onnxruntime-web runs out of its WebAssembly memory with a bare abort.
    const tooLarge = backend === 'wasm' ? wasmMemoryProblem(bytes.length + externalData.reduce((n, e) => n + e.data.length, 0)) : undefined;
    if (tooLarge) throw new BackendError(tooLarge);
    try {
      return await ort.InferenceSession.create(bytes, { ...options, externalData, preferredOutputLocation: location });
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
