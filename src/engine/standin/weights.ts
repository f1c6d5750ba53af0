/**
 * Seeded random weights, produced on demand in any layout. Each value is a
 * hash of (seed, tensor, index in torch's [out, in] layout), so the fp32,
 * fp16 and 4-bit files of one seed hold the same model (rounded or
 * quantized), and no tensor is ever held whole: the writer asks for chunks
 * in the order the file stores them.
 */
import { toHalfBits } from '../model/halfFloats';
import type { Fill } from './modelWriter';

/** Values per chunk handed to the writer: 4 MB of float32. */
const CHUNK = 1 << 20;

function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A tensor's values: uniform in [-scale, scale), plus `offset` (1 for norm weights). */
export interface WeightSpec {
  seed: number;
  /** Distinct per tensor in a model. */
  id: number;
  scale: number;
  offset?: number;
}

/** Value i of the tensor (i in torch's row-major [out, in] order for projections). */
export function weightAt(w: WeightSpec, i: number): number {
  return valuesOf(w)(i);
}

/** weightAt for one tensor, with its key computed once: the writers call this per element. */
export function valuesOf(w: WeightSpec): (i: number) => number {
  const key = mix(Math.imul(w.seed + 1, 0x9e3779b1) ^ mix(w.id + 0x51ed27));
  const scale = (w.scale * 2) / 4294967296;
  const base = (w.offset ?? 0) - w.scale;
  return (i) => mix((i + key) | 0) * scale + base;
}

/** Elements in row-major `dims` order, value j taken from `index(j)`; as float32 or float16 bytes. */
export function floatFill(count: number, half: boolean, value: (j: number) => number): Fill {
  return (emit) => {
    for (let start = 0; start < count; start += CHUNK) {
      const n = Math.min(CHUNK, count - start);
      if (half) {
        const out = new Uint16Array(n);
        for (let j = 0; j < n; j++) out[j] = toHalfBits(value(start + j));
        emit(new Uint8Array(out.buffer));
      } else {
        const out = new Float32Array(n);
        for (let j = 0; j < n; j++) out[j] = value(start + j);
        emit(new Uint8Array(out.buffer));
      }
    }
  };
}

/** A MatMul weight [inF, outF] (ONNX layout) whose element (k, n) is torch's [outF, inF] element n * inF + k. */
export function matmulFill(w: WeightSpec, inF: number, outF: number, half: boolean): Fill {
  const at = valuesOf(w);
  return floatFill(inF * outF, half, (j) => at((j % outF) * inF + Math.floor(j / outF)));
}

/** 4-bit symmetric quantization, as MatMulNBits takes it: levels 0..15 around zero point 8. */
export const NBITS_BLOCK = 32;

/**
 * MatMulNBits B [outF, inF / 32, 16] and scales [outF * inF / 32] (float16)
 * of the weight: per column n, per block of 32 inputs, scale = max|w| / 7
 * and level = round(w / scale) + 8, two levels a byte, low nibble first.
 */
export function nbitsFills(w: WeightSpec, inF: number, outF: number, floatScales = false): { packed: Fill; scales: Fill; packedBytes: number; scaleCount: number } {
  const blocks = inF / NBITS_BLOCK;
  if (!Number.isInteger(blocks)) throw new Error(`MatMulNBits needs the input width (${inF}) to be a multiple of ${NBITS_BLOCK}`);
  const at = valuesOf(w);
  const scaleOf = (n: number, b: number) => {
    let max = 0;
    for (let k = 0; k < NBITS_BLOCK; k++) max = Math.max(max, Math.abs(at(n * inF + b * NBITS_BLOCK + k)));
    return toHalfBits(max / 7 || 1e-8);
  };
  const halfToFloat = (h: number) => {
    const exp = (h >>> 10) & 0x1f;
    const m = h & 0x3ff;
    return (h & 0x8000 ? -1 : 1) * (exp === 0 ? m * 2 ** -24 : (1 + m / 1024) * 2 ** (exp - 15));
  };
  const rowsPerChunk = Math.max(1, Math.floor(CHUNK / inF));
  const packed: Fill = (emit) => {
    for (let n0 = 0; n0 < outF; n0 += rowsPerChunk) {
      const rows = Math.min(rowsPerChunk, outF - n0);
      const out = new Uint8Array((rows * inF) / 2);
      for (let r = 0; r < rows; r++) {
        const n = n0 + r;
        for (let b = 0; b < blocks; b++) {
          const scale = halfToFloat(scaleOf(n, b));
          for (let k = 0; k < NBITS_BLOCK; k++) {
            const level = Math.max(0, Math.min(15, Math.round(at(n * inF + b * NBITS_BLOCK + k) / scale) + 8));
            const byte = (r * inF + b * NBITS_BLOCK + k) >> 1;
            out[byte] |= k % 2 === 0 ? level : level << 4;
          }
        }
      }
      emit(out);
    }
  };
  // float32 scales (q4) hold the same values as the float16 ones (q4f16), so both files quantize alike.
  const scaleFill: Fill = (emit) => {
    const out = floatScales ? new Float32Array(outF * blocks) : new Uint16Array(outF * blocks);
    for (let n = 0; n < outF; n++) for (let b = 0; b < blocks; b++) out[n * blocks + b] = floatScales ? halfToFloat(scaleOf(n, b)) : scaleOf(n, b);
    emit(new Uint8Array(out.buffer));
  };
  return { packed, scales: scaleFill, packedBytes: (outF * inF) / 2, scaleCount: outF * blocks };
}
