/**
 * float16 <-> float32. fp16 and q4f16 exports (onnx-community's,
 * and the stand-ins) return logits and the KV cache in float16, which
 * onnxruntime hands to JS as raw Uint16Array bits where the platform has no
 * Float16Array.
 */

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** float32 -> IEEE half bits, round to nearest even (weights here never overflow). */
export function toHalfBits(value: number): number {
  f32[0] = value;
  const x = u32[0];
  const sign = (x >>> 16) & 0x8000;
  const exp = ((x >>> 23) & 0xff) - 112;
  const mant = x & 0x7fffff;
  if (exp <= 0) {
    if (exp < -10) return sign;
    const m = mant | 0x800000;
    const shift = 14 - exp;
    const half = m >>> shift;
    const rest = m & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    return sign | (rest > mid || (rest === mid && half & 1) ? half + 1 : half);
  }
  if (exp >= 31) return sign | 0x7c00;
  let half = (exp << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && half & 1)) half++;
  return sign | half;
}

/** float32 value of every half: one lookup per element instead of bit arithmetic. */
let table: Float32Array | undefined;

function halfTable(): Float32Array {
  if (table) return table;
  table = new Float32Array(65536);
  for (let h = 0; h < 65536; h++) {
    const exp = (h >>> 10) & 0x1f;
    const mant = h & 0x3ff;
    const sign = h & 0x8000 ? -1 : 1;
    table[h] = exp === 0 ? sign * mant * 2 ** -24 : exp === 31 ? (mant ? NaN : sign * Infinity) : sign * (1 + mant / 1024) * 2 ** (exp - 15);
  }
  return table;
}

/** [n] half bits -> [n] float32. */
export function halfBitsToFloats(bits: Uint16Array): Float32Array {
  const t = halfTable();
  const out = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = t[bits[i]];
  return out;
}

/** Tensor data of a float type as float32: float32 data as is, float16 (raw bits or a Float16Array) converted. */
export function floatData(type: string, data: unknown): Float32Array {
  if (type === 'float32') return data as Float32Array;
  if (type !== 'float16') throw new TypeError(`expected float32 or float16 data, got ${type}`);
  if (data instanceof Uint16Array) return halfBitsToFloats(data);
  return Float32Array.from(data as ArrayLike<number>);
}
