/**
 * What a browser can hold, said before onnxruntime-web fails on it with a
 * bare "out of memory" or "Aborted()". onnxruntime-web's WASM backend copies
 * the ONNX file and its external data into one 32-bit WebAssembly memory
 * (at most 4 GiB), which must also hold the session's working buffers.
 */

/**
 * The most weight bytes a WASM session is attempted with: the memory's own
 * size, past which the weights cannot fit at all. Below it a model may
 * still run out of memory, so this only stops what is sure to fail (the
 * 2.54 GB fp32 Qwen2.5-0.5B stand-in loads and answers; bench/README.md).
 */
export const WASM_MAX_MODEL_BYTES = 4 * 1024 ** 3;

const gb = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;

/**
 * Why a model of `bytes` (ONNX file plus external data) cannot run on
 * onnxruntime-web's WASM backend, in words a user can act on; undefined when it fits.
 */
export function wasmMemoryProblem(bytes: number): string | undefined {
  if (bytes <= WASM_MAX_MODEL_BYTES) return undefined;
  return (
    `This model's weights are ${gb(bytes)}: onnxruntime-web's WASM backend copies them into one 32-bit WebAssembly memory of at most 4 GiB, ` +
    `so weights over ${gb(WASM_MAX_MODEL_BYTES)} cannot fit. ` +
    'Load smaller weights (q4f16 or q4 are about a quarter of fp32, fp16 half), ' +
    'or run the command line (npm run cli), whose onnxruntime-node has no such limit.'
  );
}

/**
 * Why a job that opens the loaded model a second time (head-masking proof,
 * attention patterns, truncation) cannot run beside it on WASM: both
 * copies share the one 4 GiB memory. Measured: verifying the 2.54 GB fp32
 * Qwen2.5-0.5B stand-in left the worker stalled at 4.4 GB for over ten
 * minutes with no error. Undefined when two copies fit.
 * @param bytes the loaded model's ONNX file plus external data
 * @param what the job, as the sentence's subject ("Verifying head masking")
 * @param cli the command line that does the same job, after `npm run cli -- `
 */
export function wasmSecondCopyProblem(bytes: number, what: string, cli: string): string | undefined {
  if (2 * bytes <= WASM_MAX_MODEL_BYTES) return undefined;
  return (
    `${what} opens this model a second time beside the loaded one, and two copies of its ${gb(bytes)} of weights (${gb(2 * bytes)}) ` +
    `do not fit onnxruntime-web's 4 GiB WebAssembly memory. Run it from the command line (npm run cli -- ${cli}), ` +
    'whose onnxruntime-node has no such limit, or load smaller weights (q4 or q4f16).'
  );
}
