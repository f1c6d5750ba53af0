/**
 * Node glue for the CLI, tests and benchmarks: a model folder on disk,
 * opened with onnxruntime-node (CPU). The Node counterpart of the worker.
 */
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { loadDecoderModel, type LoadedModel, type LoadOptions, type ModelRuntime } from '../engine/model/loadModel';
import { withKvStepOutputs } from '../engine/onnx/kvStepOutputs';
import { withDivergedCacheOutputs } from '../engine/onnx/divergedCacheOutputs';
import { withTokenLogprobs } from '../engine/onnx/tokenLogprobOutputs';
import { withGreedyOutputs } from '../engine/onnx/greedyOutputs';
import { withLogitsToKeep } from '../engine/onnx/logitsToKeep';
import { nodeFileReader } from './nodeFileReader';
import { nodeRuntime } from './nodeRuntime';

/** headlab-math-6x8, the model Node tests and benchmarks run on (the app's default is headlab-mix-6x8). */
export const BUNDLED_MODEL_DIR = fileURLToPath(new URL('../../public/models/headlab-math-6x8', import.meta.url));
/** headlab-mix-6x8, the app's default bundled model (the positive control). */
export const MIX_MODEL_DIR = fileURLToPath(new URL('../../public/models/headlab-mix-6x8', import.meta.url));

/**
 * Loads the model folder `dir` (Hub layout: config.json, tokenizer.json, onnx/model.onnx).
 * The session also gets the kv_step outputs (after options.transform), so
 * generate() keeps the KV cache in JS instead of copying it out of
 * onnxruntime-node whole on every step.
 */
export async function loadNodeModel(dir: string, options: LoadOptions = {}, runtime: ModelRuntime = nodeRuntime): Promise<LoadedModel> {
  const root = resolve(dir);
  return loadDecoderModel(
    nodeFileReader(root),
    () => {
      env.allowRemoteModels = false;
      env.allowLocalModels = true;
      env.localModelPath = dirname(root) + '/';
      return AutoTokenizer.from_pretrained(basename(root));
    },
    runtime,
    { layerSkip: true, ...options, transform: withDivergedCacheOutputs(withKvStepOutputs(withGreedyOutputs(withTokenLogprobs(withLogitsToKeep(options.transform))))) },
  );
}
