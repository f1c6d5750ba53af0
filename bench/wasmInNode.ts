/**
 * onnxruntime-web's WASM backend as a ModelRuntime in Node, one thread:
 * the arithmetic the browser worker runs on the WASM backend, profiled
 * with Node's tools. On this machine its kernels ran at the browser
 * worker's speed (bench/README.md, "Draft-verified sweeps").
 */
import * as ort from 'onnxruntime-web';
import type { ModelRuntime } from '../src/engine/model/loadModel';

ort.env.wasm.numThreads = 1;
ort.env.logLevel = 'error';

export const wasmInNode: ModelRuntime = {
  Tensor: ort.Tensor,
  createSession: (bytes, externalData) => ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], externalData, logSeverityLevel: 3 }),
};
