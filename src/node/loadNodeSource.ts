/**
 * `--model` for the CLI: a folder on disk, a base URL, or a Hub repository
 * id, all opened with onnxruntime-node.
 */
import { existsSync } from 'node:fs';
import { loadDecoderModel, type LoadedModel, type LoadOptions, type ModelRuntime } from '../engine/model/loadModel';
import { withKvStepOutputs } from '../engine/onnx/kvStepOutputs';
import { withDivergedCacheOutputs } from '../engine/onnx/divergedCacheOutputs';
import { withTokenLogprobs } from '../engine/onnx/tokenLogprobOutputs';
import { withGreedyOutputs } from '../engine/onnx/greedyOutputs';
import { withLogitsToKeep } from '../engine/onnx/logitsToKeep';
import { hubIdProblem, sourceAccess, type ModelSource } from '../engine/model/modelSource';
import type { LoadProgressEvent } from '../engine/model/httpReader';
import { loadNodeModel } from './loadNodeModel';
import { nodeRuntime } from './nodeRuntime';

/** Reads a --model argument: an existing folder, an http(s) URL, or else a Hub id. */
export function parseModelArg(arg: string): ModelSource | { kind: 'dir'; dir: string } {
  if (existsSync(arg)) return { kind: 'dir', dir: arg };
  if (/^https?:\/\//.test(arg)) return { kind: 'url', url: arg };
  if (hubIdProblem(arg)) throw new Error(`--model ${arg}: no such folder, not an http(s) URL, and not a Hub id (owner/name).`);
  return { kind: 'hub', id: arg };
}

export async function loadNodeSource(
  arg: string,
  options: LoadOptions = {},
  onProgress?: (e: LoadProgressEvent) => void,
  runtime: ModelRuntime = nodeRuntime,
): Promise<LoadedModel> {
  const source = parseModelArg(arg);
  if (source.kind === 'dir') return loadNodeModel(source.dir, options, runtime);
  const { files, loadTokenizer } = sourceAccess(source, 'file:///', onProgress);
  // As loadNodeModel: the kv_step outputs keep the cache in JS during generation; token_logprobs scores in the graph.
  return loadDecoderModel(files, loadTokenizer, runtime, { layerSkip: true, ...options, transform: withDivergedCacheOutputs(withKvStepOutputs(withGreedyOutputs(withTokenLogprobs(withLogitsToKeep(options.transform))))) });
}
