/** onnxruntime-node (CPU) as the engine's ModelRuntime: the CLI, tests and benchmarks use it. */
import * as ort from 'onnxruntime-node';
import type { ModelRuntime } from '../engine/model/loadModel';

export const nodeRuntime: ModelRuntime = {
  Tensor: ort.Tensor,
  createSession: (bytes, externalData) =>
    ort.InferenceSession.create(bytes, { executionProviders: ['cpu'], externalData }),
};
