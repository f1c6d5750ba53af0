/** onnxruntime-node (CPU) as the engine's ModelRuntime: the CLI, tests and benchmarks use it. */
import * as ort from 'onnxruntime-node';
import type { ModelRuntime } from '../engine/model/loadModel';

/**
 * One intra-op thread. For models this small the default pool (one spinning
 * thread per core) loses: measured on the 2-core dev machine, a sweep cell
 * by cell took 2-4x longer with it, and batched sweeps were no faster, as
 * the spinning threads compete with the JS thread and anything else running.
 */
const SESSION_OPTIONS: ort.InferenceSession.SessionOptions = { executionProviders: ['cpu'], intraOpNumThreads: 1 };

export const nodeRuntime: ModelRuntime = {
  Tensor: ort.Tensor,
  createSession: (bytes, externalData) => ort.InferenceSession.create(bytes, { ...SESSION_OPTIONS, externalData }),
};
