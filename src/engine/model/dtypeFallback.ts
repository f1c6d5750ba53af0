/**
 * Which weights to load on a WebGPU adapter: float16 variants (fp16, q4f16)
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
