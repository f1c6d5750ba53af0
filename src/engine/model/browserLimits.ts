/**
 * What a browser can hold, said before onnxruntime-web fails on it with a
 * bare "out of memory" or "Aborted()". onnxruntime-web's WASM backend copies
 * the ONNX file and its external data into one 32-bit WebAssembly memory
 * (at most 4 GiB), which must also hold the session's working buffers.
 */

/**
 * The most weight bytes a WASM session is attempted with: the memory's own
 * size, past which the weights cannot fit at all. Below it a model may
 * still run out of memory (bench/README.md, "Real-size models": the 2.54 GB
 * fp32 Qwen2.5-0.5B raised no load error in 6 minutes, whether it answers
 * is not measured), so this only stops what is sure to fail.
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
