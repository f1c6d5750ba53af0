/**
 * Truncation in the worker: the loaded model's files are read again (the
 * browser's cache serves them), the truncated matrices are rewritten in
 * those bytes, and a session is opened on the result with the same
 * surgery as the main one. Also runs the truncation proof on the files.
 */
import type { LoadedModel } from '../engine/model/loadModel';
import { loadDecoderModel } from '../engine/model/loadModel';
import type { ModelDtype } from '../engine/model/modelFiles';
import { externalDataFiles, onnxFileFor } from '../engine/model/modelFiles';
import { sourceAccess } from '../engine/model/modelSource';
import { headMaskTransform } from '../engine/onnx/addHeadMask';
import { withKvStepOutputs } from '../engine/onnx/kvStepOutputs';
import { withDivergedCacheOutputs } from '../engine/onnx/divergedCacheOutputs';
import { withTokenLogprobs } from '../engine/onnx/tokenLogprobOutputs';
import { withGreedyOutputs } from '../engine/onnx/greedyOutputs';
import { withLogitsToKeep } from '../engine/onnx/logitsToKeep';
import type { CheckResult } from '../engine/check/headMaskCheck';
import { checkTruncation } from '../engine/truncate/truncationCheck';
import { truncateWeights, type TruncationReport } from '../engine/truncate/truncateWeights';
import type { Truncation } from '../engine/truncate/truncationSpec';
import type { LoadedFrom } from './patternsModel';
import { refuseSecondCopy } from './secondCopy';
import { webRuntime } from './webRuntime';

function access(from: LoadedFrom) {
  const bundledBase = new URL(`${import.meta.env.BASE_URL}models/`, self.location.origin).href;
  return sourceAccess(from.source, bundledBase, () => undefined);
}

/** The model loaded from `from` with `list` truncated, and what each truncation did. */
export async function truncatedModel(
  from: LoadedFrom, dtype: ModelDtype, list: Truncation[], loadedBytes: number, signal?: AbortSignal,
): Promise<{ model: LoadedModel; reports: TruncationReport[] }> {
  refuseSecondCopy(from, loadedBytes, dtype, 'Truncating weights', 'eval --truncate L.MATRIX:KEEP --problems SPEC');
  const { files, loadTokenizer } = access(from);
  let reports: TruncationReport[] = [];
  // The same surgery as the main session (fetchModel.ts), so every job runs on it unchanged.
  const masked = withGreedyOutputs(withTokenLogprobs(withLogitsToKeep(headMaskTransform({ hiddenStateOutput: true }))));
  const transform = from.backend === 'wasm' ? withDivergedCacheOutputs(withKvStepOutputs(masked)) : masked;
  const model = await loadDecoderModel(files, loadTokenizer, webRuntime(from.backend), {
    dtype, transform, layerSkip: from.backend === 'wasm',
    editWeights: async (onnx, external, spec) => {
      reports = await truncateWeights(onnx, external, spec.numLayers, list, signal);
    },
  });
  return { model, reports };
}

/** engine/truncate's proofs on the loaded model's files, in this browser's onnxruntime-web. */
export async function checkTruncationInWorker(model: LoadedModel, from: LoadedFrom, applied: Truncation[], signal?: AbortSignal): Promise<CheckResult[]> {
  refuseSecondCopy(from, model.onnxBytes, model.dtype, 'Checking the truncation code', 'eval --truncate L.MATRIX:KEEP --problems SPEC');
  const { files } = access(from);
  const onnxFile = onnxFileFor(model.dtype);
  const config = JSON.parse((await files.optionalText('config.json')) ?? '{}') as Record<string, unknown>;
  const external = await Promise.all(externalDataFiles(config, onnxFile).map(async (f) => ({ path: f.split('/').pop()!, data: await files.bytes(f) })));
  const input = { spec: model.spec, tokenizer: model.tokenizer, dtype: model.dtype, onnx: await files.bytes(onnxFile), external, runtime: webRuntime(from.backend) };
  return checkTruncation(input, signal, applied);
}
