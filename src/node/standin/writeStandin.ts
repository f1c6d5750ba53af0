/**
 * Writes a stand-in model folder in the Hub layout transformers.js reads:
 * config.json, generation_config.json, tokenizer.json,
 * tokenizer_config.json and onnx/model<_dtype>.onnx (+ its .onnx_data when
 * the weights pass protobuf's 2 GB limit). Bytes stream to disk as the
 * weights are generated, so memory stays at a few megabytes per tensor.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { onnxFileFor } from '../../engine/model/modelFiles';
import { buildStandinGraph, type StandinAttention } from '../../engine/standin/decoderGraph';
import { configFiles, tokenizerFiles } from '../../engine/standin/hubFiles';
import type { StandinDtype, StandinShape } from '../../engine/standin/shapes';

/** Protobuf refuses messages of 2 GiB and more; past this much weight the file goes external, as optimum does. */
const INLINE_LIMIT = 2 ** 31 - 2 ** 26;

/** The external-data map of a config.json already in `dir`: other dtypes written there keep their entries. */
function externalEntries(dir: string): Record<string, number> {
  const path = join(dir, 'config.json');
  if (!existsSync(path)) return {};
  const setting = (JSON.parse(readFileSync(path, 'utf8'))['transformers.js_config'] ?? {}).use_external_data_format;
  return setting && typeof setting === 'object' ? (setting as Record<string, number>) : {};
}

export interface StandinResult {
  dir: string;
  onnxFile: string;
  onnxBytes: number;
  externalFile?: string;
  externalBytes: number;
  seconds: number;
}

/**
 * Writes the folder `dir` (created; an existing ONNX file of that dtype is replaced).
 * @param opts.external put the weights in model<_dtype>.onnx_data even under 2 GB
 * @param opts.attention 'gqa' for onnxruntime-genai's fused GroupQueryAttention (default: optimum's decomposed attention)
 */
export function writeStandin(dir: string, shape: StandinShape, dtype: StandinDtype, seed: number, opts: { external?: boolean; attention?: StandinAttention } = {}): StandinResult {
  const started = performance.now();
  const onnxFile = onnxFileFor(dtype);
  mkdirSync(join(dir, 'onnx'), { recursive: true });
  const attention = opts.attention ?? 'decomposed';
  const graph = buildStandinGraph(shape, dtype, seed, attention);
  const external = opts.external || graph.payloadBytes() > INLINE_LIMIT;
  const base = onnxFile.split('/').pop()!;
  const externalName = `${base}_data`;
  rmSync(join(dir, 'onnx', externalName), { force: true });
  const fd = openSync(join(dir, onnxFile), 'w');
  const xfd = external ? openSync(join(dir, 'onnx', externalName), 'w') : -1;
  let sizes: { onnxBytes: number; externalBytes: number };
  try {
    sizes = graph.write(
      { onnx: (c) => void writeSync(fd, c), external: (c) => void writeSync(xfd, c) },
      { externalFile: external ? externalName : undefined },
    );
  } finally {
    closeSync(fd);
    if (xfd >= 0) closeSync(xfd);
  }
  const { config, generationConfig } = configFiles(shape, dtype, { ...externalEntries(dir), [base]: external ? 1 : 0 }, attention);
  writeFileSync(join(dir, 'config.json'), config);
  writeFileSync(join(dir, 'generation_config.json'), generationConfig);
  const { tokenizer, tokenizerConfig } = tokenizerFiles(shape);
  writeFileSync(join(dir, 'tokenizer.json'), tokenizer);
  writeFileSync(join(dir, 'tokenizer_config.json'), tokenizerConfig);
  return {
    dir, onnxFile, ...sizes, externalFile: external ? `onnx/${externalName}` : undefined,
    seconds: (performance.now() - started) / 1000,
  };
}
