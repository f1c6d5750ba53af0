/**
 * The KV cache kept in JS memory, grown from each step's new keys and
 * values (the kv_step outputs, see engine/onnx/kvStepOutputs) rather than
 * fetched whole from the runtime every step.
 *
 * Every tensor has one preallocated array of two halves, each sized for the
 * whole generation, that take turns: a step's cache is written into the buffer the previous
 * step did not feed, so decoding allocates nothing, and dropping finished
 * rows costs nothing extra because it happens in that same copy.
 */
import type { Tensor } from 'onnxruntime-common';
import type { TensorClass } from './decoderSession';

/**
 * Copies rows `keep` of `past` [rows, heads, length, dim] (at pastAt) and of
 * `step` [rows, heads, seq, dim] into `out` [keep, heads, length + seq, dim]
 * (at outAt). `out` and `past` may be one array with disjoint ranges.
 */
export function appendRows<T extends Float32Array | Uint16Array>(
  out: T, outAt: number, past: T, pastAt: number, step: T,
  keep: readonly number[], heads: number, length: number, seq: number, dim: number,
): void {
  const total = length + seq;
  const pastRun = length * dim;
  const stepRun = seq * dim;
  for (let i = 0; i < keep.length; i++) {
    for (let h = 0; h < heads; h++) {
      const row = keep[i] * heads + h;
      const to = outAt + (i * heads + h) * total * dim;
      const from = pastAt + row * pastRun;
      // copyWithin needs no subarray object: this runs rows * heads times per tensor per step.
      if (out === past) out.copyWithin(to, from, from + pastRun);
      else if (pastRun > 0) out.set(past.subarray(from, from + pastRun) as never, to);
      // A decode step's slice is one position (dim floats): a loop beats making a subarray for it.
      const s = row * stepRun;
      const at = to + pastRun;
      if (stepRun <= 64) for (let k = 0; k < stepRun; k++) out[at + k] = step[s + k];
      else out.set(step.subarray(s, s + stepRun) as never, at);
    }
  }
}

export class HostKvCache {
  /** Rows currently held. */
  rows: number;
  /** Positions currently held per row. */
  length = 0;
  /** Per tensor: two halves of `size` values (float32, or float16 bits). */
  private readonly buffers: (Float32Array | Uint16Array)[];
  private readonly size: number;
  /** The half holding the cache: 0 or 1. */
  private current = 0;

  /**
   * @param count tensors in the cache: 2 * numLayers (key, value per layer)
   * @param rows rows of the first step
   * @param maxLength the most positions a row will hold (prompt width + new tokens)
   * @param type the cache's element type: float16 for fp16 and q4f16 exports, held as raw bits
   */
  constructor(
    private readonly Tensor: TensorClass, count: number, rows: number, private readonly heads: number, private readonly dim: number, maxLength: number,
    private readonly type: 'float32' | 'float16' = 'float32',
  ) {
    this.rows = rows;
    this.size = rows * heads * maxLength * dim;
    this.buffers = Array.from({ length: count }, () => (type === 'float16' ? new Uint16Array(2 * this.size) : new Float32Array(2 * this.size)));
  }

  /** The cache to feed as past_key_values: count tensors [rows, heads, length, dim], views of this cache's buffers. */
  tensors(): Tensor[] {
    const size = this.rows * this.heads * this.length * this.dim;
    const at = this.current * this.size;
    return this.buffers.map((b) => new this.Tensor(this.type as 'float32', b.subarray(at, at + size) as Float32Array, [this.rows, this.heads, this.length, this.dim]));
  }

  /**
   * Replaces the cache with `rows` rows of `length` positions, which `write` lays out in the half not
   * in use (the current cache's tensors() stay readable meanwhile), at [rows, heads, length, dim] from `at`.
   */
  replace(rows: number, length: number, write: (t: number, out: Float32Array | Uint16Array, at: number) => void): void {
    if (rows * this.heads * length * this.dim > this.size) throw new RangeError('HostKvCache: the cache outgrew maxLength');
    const next = 1 - this.current;
    this.buffers.forEach((b, t) => write(t, b, next * this.size));
    this.current = next;
    this.rows = rows;
    this.length = length;
  }

  /**
   * Appends one step: the cache becomes rows `keep` of (cache ++ step).
   * @param step count arrays [rows, heads, seq, dim], this step's keys and values (of the cache's type)
   * @param keep indices into the current rows, in the order to keep them
   */
  append(step: (Float32Array | Uint16Array)[], seq: number, keep: readonly number[]): void {
    const next = 1 - this.current;
    if ((this.length + seq) * keep.length * this.heads * this.dim > this.size) throw new RangeError('HostKvCache: the cache outgrew maxLength');
    this.buffers.forEach((b, t) => appendRows(b, next * this.size, b, this.current * this.size, step[t] as typeof b, keep, this.heads, this.length, seq, this.dim));
    this.current = next;
    this.rows = keep.length;
    this.length += seq;
  }
}
