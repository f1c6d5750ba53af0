/**
 * Low-rank truncation in the model's bytes: each listed matrix's payload
 * (in the ONNX file or its external data) is overwritten, in place, by its
 * rank-r approximation in the same dtype. The file's length and every
 * other byte stay as they were, so the head-mask surgery and the session
 * load the result as they load the original.
 */
import type { ExternalData } from '../model/loadModel';
import { checkpoint } from '../model/checkpoint';
import { initializerPayload } from '../check/headWeights';
import { readModelLayout } from '../onnx/modelLayout';
import { findWeightMatrix } from './findWeightMatrix';
import { lowRank, svd } from './svd';
import { checkTruncationLayers, formatTruncation, rankFor, type Truncation } from './truncationSpec';
import { decodeWeights, encodeWeightsInto, weightDtype, type WeightDtype } from './weightBytes';

/** What one truncation did, for reports and the teaching panel. */
export interface TruncationReport {
  truncation: string;
  /** The node multiplying by the matrix, and the initializer rewritten. */
  node: string;
  weight: string;
  /** The initializer's dims, [K, N] for MatMul. */
  dims: [number, number];
  dtype: WeightDtype;
  rank: number;
  fullRank: number;
  /** Singular values, descending. */
  singularValues: number[];
  /** Σ kept σ² / Σ σ²: the share of the matrix's squared Frobenius norm kept. */
  energyKept: number;
}

function bytesOf(onnx: Uint8Array, external: readonly ExternalData[], file: string | undefined, what: string): Uint8Array {
  if (file === undefined) return onnx;
  const name = file.split('/').pop();
  const found = external.find((e) => e.path === name);
  if (!found) throw new Error(`${what} lives in external data "${file}", which was not loaded`);
  return found.data;
}

/**
 * Replaces each listed matrix by its rank-r approximation (top r singular
 * components, or the bottom r with `bottom`), in `onnx` and `external`.
 * A matrix W [K, N] becomes Σ_{j kept} σ_j u_j v_jᵀ, computed in float64 and
 * rounded to the weight's dtype (fp32 or fp16).
 *
 * @param onnx the ModelProto bytes, written in place (their length is unchanged)
 * @param external the model's external-data files, written in place
 * @param signal checked between matrices, so a worker job can be cancelled
 * @throws Error for a 4-bit (MatMulNBits) or non-float matrix, a missing
 *   matrix, or a layer the model lacks; nothing is written before all are found
 */
export async function truncateWeights(
  onnx: Uint8Array, external: readonly ExternalData[], numLayers: number, list: readonly Truncation[], signal?: AbortSignal,
): Promise<TruncationReport[]> {
  checkTruncationLayers(list, numLayers);
  if (list.length === 0) return [];
  const layout = readModelLayout(onnx);
  const targets = list.map((t) => {
    const { node, weight } = findWeightMatrix(layout, numLayers, t.layer, t.matrix);
    const what = `${formatTruncation(t)} ("${node.name}")`;
    if (node.opType === 'MatMulNBits') {
      throw new Error(`${what} is 4-bit (MatMulNBits): truncating quantized weights is not supported; load the fp32 or fp16 weights to truncate it`);
    }
    const dims = layout.initializerDims.get(weight)!;
    const dtype = weightDtype(layout.initializerTypes.get(weight) ?? 0);
    if (dims.length !== 2) throw new Error(`${what}: weight ${weight} has dims [${dims.join(', ')}], not a matrix`);
    if (!dtype) throw new Error(`${what}: weight ${weight} is not float32 or float16`);
    const payload = initializerPayload(layout, weight);
    const width = dtype === 'fp32' ? 4 : 2;
    if (payload.end - payload.start !== dims[0] * dims[1] * width) {
      throw new Error(`${what}: weight ${weight} holds ${payload.end - payload.start} bytes, not ${dims[0]} × ${dims[1]} ${dtype} values`);
    }
    return { t, node, weight, dims: [dims[0], dims[1]] as [number, number], dtype, payload, bytes: bytesOf(onnx, external, payload.file, what) };
  });
  const reports: TruncationReport[] = [];
  for (const { t, node, weight, dims, dtype, payload, bytes } of targets) {
    await checkpoint(signal);
    const span = bytes.subarray(payload.start, payload.end);
    const d = svd(decodeWeights(span, dtype), dims[0], dims[1]);
    const rank = rankFor(t.keep, d.k);
    encodeWeightsInto(lowRank(d, rank, t.bottom), dtype, span);
    const squares = Array.from(d.s, (s) => s * s);
    const total = squares.reduce((a, b) => a + b, 0);
    const kept = (t.bottom ? squares.slice(d.k - rank) : squares.slice(0, rank)).reduce((a, b) => a + b, 0);
    reports.push({
      truncation: formatTruncation(t), node: node.name, weight, dims, dtype, rank, fullRank: d.k,
      singularValues: Array.from(d.s), energyKept: total > 0 ? kept / total : 1,
    });
  }
  return reports;
}
