/**
 * Which files make up a model in the Hub layout transformers.js reads, for
 * a given dtype: the ONNX file's suffix and the external-data chunks,
 * named as transformers.js names them.
 */

export type ModelDtype = 'fp32' | 'fp16' | 'q8' | 'int8' | 'uint8' | 'q4' | 'q4f16' | 'bnb4';

/** transformers.js' DEFAULT_DTYPE_SUFFIX_MAPPING for the dtypes HeadLab offers. */
const SUFFIX: Record<ModelDtype, string> = {
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  int8: '_int8',
  uint8: '_uint8',
  q4: '_q4',
  q4f16: '_q4f16',
  bnb4: '_bnb4',
};

export const MODEL_DTYPES = Object.keys(SUFFIX) as ModelDtype[];

/** Dtypes whose activations are float16: WebGPU needs the shader-f16 feature for them. */
export function needsShaderF16(dtype: ModelDtype): boolean {
  return dtype === 'fp16' || dtype === 'q4f16';
}

/** `onnx/model<suffix>.onnx` for the dtype. */
export function onnxFileFor(dtype: ModelDtype): string {
  return `onnx/model${SUFFIX[dtype]}.onnx`;
}

/**
 * External-data files beside the ONNX file, from config.json's
 * "transformers.js_config".use_external_data_format (true, a chunk count,
 * or a map from file name to either).
 */
export function externalDataFiles(config: Record<string, unknown>, onnxFile: string): string[] {
  const jsConfig = (config['transformers.js_config'] ?? {}) as { use_external_data_format?: unknown };
  const setting = jsConfig.use_external_data_format;
  const base = onnxFile.split('/').pop()!;
  let chunks = 0;
  if (setting && typeof setting === 'object') {
    const map = setting as Record<string, unknown>;
    chunks = Number(map[base] ?? map[base.replace(/\.onnx$/, '')] ?? 0);
  } else chunks = Number(setting ?? 0);
  if (!Number.isInteger(chunks) || chunks < 0 || chunks > 100) chunks = 0;
  return Array.from({ length: chunks }, (_, i) => `${onnxFile}_data${i === 0 ? '' : `_${i}`}`);
}

/** The dtype config.json asks transformers.js to use, when it names one. */
export function configDtype(config: Record<string, unknown>): ModelDtype | undefined {
  const d = (config['transformers.js_config'] as { dtype?: unknown } | undefined)?.dtype;
  return typeof d === 'string' && (MODEL_DTYPES as string[]).includes(d) ? (d as ModelDtype) : undefined;
}
