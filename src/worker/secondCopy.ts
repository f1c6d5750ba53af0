/**
 * Jobs that open the loaded model a second time (the head-masking proof,
 * attention patterns, truncation) are refused up front on WASM when two
 * copies cannot share its 4 GiB memory: there, onnxruntime-web stalled
 * without an error rather than failing (engine/model/browserLimits).
 */
import { wasmSecondCopyProblem } from '../engine/model/browserLimits';
import { BackendError } from '../engine/model/errors';
import { sourceName } from '../engine/model/modelSource';
import type { LoadedFrom } from './patternsModel';

/**
 * Throws, with what to do instead, when `from` is on WASM and a second copy of its `bytes` does not fit.
 * @param command the CLI command doing the same job, without `--model`/`--dtype`
 */
export function refuseSecondCopy(from: LoadedFrom, bytes: number, dtype: string, what: string, command: string): void {
  if (from.backend !== 'wasm') return;
  const problem = wasmSecondCopyProblem(bytes, what, `${command} --model ${sourceName(from.source)} --dtype ${dtype}`);
  if (problem) throw new BackendError(problem);
}
