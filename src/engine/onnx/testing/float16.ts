/** IEEE half precision <-> float32 for test weights and fp16 outputs. */
import { toHalfBits } from '../../model/halfFloats';

/** Rounds to the nearest half (ties to even); tiny test weights never overflow. */
export const toHalf = toHalfBits;

export function fromHalf(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 31) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

export function floatsToHalf(values: Float32Array): Uint16Array {
  return Uint16Array.from(values, toHalf);
}

export function halfToFloats(bits: Uint16Array): Float32Array {
  return Float32Array.from(bits, fromHalf);
}
