/**
 * What a browser can hold, said before onnxruntime-web fails on it with a
 * bare "out of memory" or "Aborted()". onnxruntime-web's WASM backend copies
 * the ONNX file and its external data into one 32-bit WebAssembly memory
 * (at most 4 GiB), which must also hold the session's working buffers.
 */

/** The most weight bytes a WASM session is attempted with (measured: see bench/README.md, "Real-size models"). */
export const WASM_MAX_MODEL_BYTES = 2 * 1024 ** 3;

const gb = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;

/**
 * Why a model of `bytes` (ONNX file plus external data) cannot run on
 * onnxruntime-web's WASM backend, in words a user can act on; undefined when it fits.
 */
export function wasmMemoryProblem(bytes: number): string | undefined {
  if (bytes <= WASM_MAX_MODEL_BYTES) return undefined;
  return (
    `This model's weights are ${gb(bytes)}: onnxruntime-web's WASM backend copies them into one 32-bit WebAssembly memory of at most 4 GiB, ` +
    `shared with everything the session computes, so weights over ${gb(WASM_MAX_MODEL_BYTES)} do not fit. ` +
    'Load smaller weights (q4f16 or q4 are about a quarter of fp32, fp16 half), ' +
    'or run the command line (npm run cli), whose onnxruntime-node has no such limit.'
  );
}
