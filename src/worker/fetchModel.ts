/**
 * Loads a model in the worker: files over HTTP, the tokenizer by
 * transformers.js, the session by onnxruntime-web. Falls back from WebGPU to
 * WASM when a WebGPU session cannot be made (or the model needs shader-f16
 * that the adapter lacks), and says so.
 */
import { ModelRegistry } from '@huggingface/transformers';
import type { LoadedModel } from '../engine/model/loadModel';
import { needsShaderF16 } from '../engine/model/modelFiles';
import { dtypeForWebGpu, wasmWeightsNote } from '../engine/model/dtypeFallback';
import { loadDecoderModel } from '../engine/model/loadModel';
import { generate } from '../engine/model/generate';
import { headMaskTransform } from '../engine/onnx/addHeadMask';
import { withKvStepOutputs } from '../engine/onnx/kvStepOutputs';
import { withDivergedCacheOutputs } from '../engine/onnx/divergedCacheOutputs';
import { withTokenLogprobs } from '../engine/onnx/tokenLogprobOutputs';
import { withGreedyOutputs } from '../engine/onnx/greedyOutputs';
import { withLogitsToKeep } from '../engine/onnx/logitsToKeep';
import { sourceAccess, sourceName, type ModelSource } from '../engine/model/modelSource';
import { webRuntime } from './webRuntime';
import { chooseBackend, type BackendDecision, type GpuLike } from './chooseBackend';
import type { BackendChoice, LoadProgress, ModelInfo, ThreadsChoice } from './protocol';
import type { ThreadsDecision } from './wasmThreads';

/** One greedy token from a one-token prompt, so WebGPU compiles its shaders now rather than on the first question. */
async function warmUp(model: LoadedModel): Promise<void> {
  const first = model.tokenizer.encode('1', { add_special_tokens: false });
  await generate(model.decoder, [first.slice(0, 1)], { maxNewTokens: 1 });
}

export async function loadInWorker(
  source: ModelSource,
  choice: BackendChoice,
  threadsChoice: ThreadsChoice,
  onProgress: (p: LoadProgress) => void,
): Promise<{ model: LoadedModel; info: ModelInfo }> {
  const bundledBase = new URL(`${import.meta.env.BASE_URL}models/`, self.location.origin).href;
  const { files, loadTokenizer } = sourceAccess(source, bundledBase, onProgress);
  let dtype = source.kind === 'hub' ? source.dtype : undefined;
  let threads: ThreadsDecision = { threads: 1, reason: 'no session opened' };
  let decision: BackendDecision = await chooseBackend(choice, (navigator as Navigator & { gpu?: GpuLike }).gpu);
  if (source.kind === 'hub' && decision.backend === 'webgpu' && dtype && needsShaderF16(dtype) && !decision.shaderF16) {
    const offered = await ModelRegistry.get_available_dtypes(source.id).catch(() => [] as string[]);
    const choice = dtypeForWebGpu(dtype, false, offered);
    decision = { ...decision, reason: `${decision.reason}; ${choice.note}` };
    dtype = choice.dtype;
  }
  const load = async (d: BackendDecision) => {
    // Every session gets the head_mask input (pruning is the point of the app) and
    // the final hidden state (SPRINT embeds questions with it). On WASM it also outputs
    // each step's new keys and values, so the KV cache stays in JS rather than being
    // copied out of onnxruntime whole at every step; on WebGPU the cache stays on the GPU.
    // Log-prob scoring gathers the targets' log-probs in the graph (tokenLogprobOutputs).
    const masked = withGreedyOutputs(withTokenLogprobs(withLogitsToKeep(headMaskTransform({ hiddenStateOutput: true }))));
    const transform = d.backend === 'wasm' ? withDivergedCacheOutputs(withKvStepOutputs(masked)) : masked;
    // Stages go out as progress without a file: the model panel says what the seconds after the downloads are spent on.
    const onStage = (stage: string) => onProgress({ status: stage });
    // On WASM, draft verification may start rows at their pruned layer (extra sessions, small models only); on WebGPU they would double the GPU's copy of the weights.
    const model = await loadDecoderModel(files, loadTokenizer, webRuntime(d.backend, threadsChoice, (t) => (threads = t)), { dtype, transform, onStage, layerSkip: d.backend === 'wasm' });
    onStage('warm-up');
    await warmUp(model);
    return model;
  };
  let model: LoadedModel;
  try {
    model = await load(decision);
  } catch (err) {
    // A file that is really corrupt fails on WASM too, and that error is the one reported.
    if (decision.backend !== 'webgpu') throw err;
    decision = { backend: 'wasm', reason: `WebGPU could not run this model (${(err as Error).message}); using WASM` };
    model = await load(decision);
  }
  const slow = decision.backend === 'wasm' ? wasmWeightsNote(model.dtype) : undefined;
  if (slow) decision = { ...decision, reason: `${decision.reason}; ${slow}` };
  return {
    model,
    info: {
      name: sourceName(source),
      fingerprint: model.fingerprint,
      backend: decision.backend,
      backendReason: decision.reason,
      threads: threads.threads,
      threadsReason: threads.reason,
      spec: model.spec,
      dtype: model.dtype,
      onnxBytes: model.onnxBytes,
    },
  };
}
