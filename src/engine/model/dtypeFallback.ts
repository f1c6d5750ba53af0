/**
 * Which weights to load on a WebGPU adapter, and what to say about weights
 * that run slowly on WASM.
 *
 * On a WebGPU adapter: float16 variants (fp16, q4f16)
 * need the adapter's shader-f16 feature; without it the 4-bit float32
 * variant (q4) is taken when the repository has one, else fp32, and the
 * reason says so.
 */
import { needsShaderF16, type ModelDtype } from './modelFiles';

export interface DtypeChoice {
  dtype?: ModelDtype;
  /** Why the dtype differs from the one asked for; absent when it does not. */
  note?: string;
}

/**
 * @param asked the dtype the user picked (undefined: the repository's default)
 * @param shaderF16 whether the WebGPU adapter offers shader-f16
 * @param offered the dtypes the repository has files for
 */
export function dtypeForWebGpu(asked: ModelDtype | undefined, shaderF16: boolean, offered: readonly string[]): DtypeChoice {
  if (!asked || !needsShaderF16(asked) || shaderF16) return { dtype: asked };
  const fallback: ModelDtype = offered.includes('q4') ? 'q4' : 'fp32';
  return { dtype: fallback, note: `it lacks shader-f16, so ${fallback} weights are used instead of ${asked}` };
}

/** 4-bit variants, whose projections are MatMulNBits. */
const FOUR_BIT: readonly ModelDtype[] = ['q4', 'q4f16', 'bnb4'];

/**
 * What to tell a user who loaded 4-bit weights on WASM: onnxruntime-web's
 * WASM MatMulNBits ran about 7x slower than fp32 MatMul at real size
 * (bench/README.md, "In the browser"); undefined for other weights.
 */
export function wasmWeightsNote(dtype: ModelDtype): string | undefined {
  if (!FOUR_BIT.includes(dtype)) return undefined;
  return (
    `${dtype} (4-bit) weights run slowly on WASM: a Qwen2.5-0.5B-shaped model answered at 0.4 tokens/s in q4 or q4f16 ` +
    'against 3.0 in fp32 in Chromium on 2 CPU cores; load fp32 weights if they fit in 4 GB, or use a WebGPU adapter'
  );
}
