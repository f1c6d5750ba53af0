/**
 * The head-masking proof (engine/check) in the worker, on the model the
 * app has loaded: the files are read again from where the model came from
 * (the browser's cache serves a Hub model's), for the unmodified graph.
 */
import { checkHeadMasking, type CheckReport } from '../engine/check/headMaskCheck';
import type { LoadedModel } from '../engine/model/loadModel';
import { sourceAccess, sourceName } from '../engine/model/modelSource';
import type { LoadedFrom } from './patternsModel';
import { refuseSecondCopy } from './secondCopy';
import { webRuntime } from './webRuntime';

export async function checkInWorker(model: LoadedModel, from: LoadedFrom): Promise<CheckReport> {
  refuseSecondCopy(from, model.onnxBytes, model.dtype, 'Verifying head masking', 'check');
  const bundledBase = new URL(`${import.meta.env.BASE_URL}models/`, self.location.origin).href;
  const { files } = sourceAccess(from.source, bundledBase);
  return checkHeadMasking(model, files, webRuntime(from.backend), sourceName(from.source));
}
