/**
 * A 2-D float initializer's values as Float64Array and back, straight from
 * and into its payload bytes (raw_data in the ONNX file, or a span of an
 * external-data file). Little-endian, as ONNX stores raw data; payloads
 * may start at any byte, so values are copied out rather than viewed.
 */
import { halfBitsToFloats, toHalfBits } from '../model/halfFloats';
import { DataType } from '../onnx/tensorProto';

export type WeightDtype = 'fp32' | 'fp16';

/** The weight dtype of a TensorProto.DataType, or undefined when truncation does not handle it. */
export function weightDtype(dataType: number): WeightDtype | undefined {
  if (dataType === DataType.FLOAT) return 'fp32';
  if (dataType === DataType.FLOAT16) return 'fp16';
  return undefined;
}

/** bytes [n × 4 or n × 2] → Float64Array [n]. */
export function decodeWeights(bytes: Uint8Array, dtype: WeightDtype): Float64Array {
  // A copy, aligned for the typed view (a Node Buffer's slice would be a view, not a copy).
  const copy = new Uint8Array(bytes);
  const values = dtype === 'fp32' ? new Float32Array(copy.buffer) : halfBitsToFloats(new Uint16Array(copy.buffer));
  return Float64Array.from(values);
}

/** Writes values [n] into bytes [n × 4 or n × 2], rounding to the dtype. */
export function encodeWeightsInto(values: Float64Array, dtype: WeightDtype, bytes: Uint8Array): void {
  const width = dtype === 'fp32' ? 4 : 2;
  if (bytes.length !== values.length * width) throw new Error(`${values.length} ${dtype} values do not fill ${bytes.length} bytes`);
  if (dtype === 'fp32') bytes.set(new Uint8Array(Float32Array.from(values).buffer));
  else bytes.set(new Uint8Array(Uint16Array.from(values, (v) => toHalfBits(v)).buffer));
}
