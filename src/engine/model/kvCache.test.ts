import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { appendRows, HostKvCache } from './kvCache';

/** [rows, heads, length, dim] filled with distinct values from `base`. */
function block(rows: number, heads: number, length: number, dim: number, base: number): Float32Array {
  return Float32Array.from({ length: rows * heads * length * dim }, (_, i) => base + i);
}

/** The reference: concat along the sequence axis, then pick rows. */
function naive(past: Float32Array, step: Float32Array, keep: number[], heads: number, length: number, seq: number, dim: number): number[] {
  const out: number[] = [];
  for (const r of keep) {
    for (let h = 0; h < heads; h++) {
      const p = (r * heads + h) * length * dim;
      out.push(...past.subarray(p, p + length * dim));
      const s = (r * heads + h) * seq * dim;
      out.push(...step.subarray(s, s + seq * dim));
    }
  }
  return out;
}

describe('appendRows', () => {
  it('concatenates along the sequence axis and keeps the rows asked for, in order', () => {
    const [heads, length, seq, dim] = [3, 5, 2, 4];
    const past = block(4, heads, length, dim, 0);
    const step = block(4, heads, seq, dim, 10_000);
    const keep = [3, 0, 2];
    const out = new Float32Array(keep.length * heads * (length + seq) * dim);
    appendRows(out, 0, past, 0, step, keep, heads, length, seq, dim);
    expect(Array.from(out)).toEqual(naive(past, step, keep, heads, length, seq, dim));
  });

  it('copies between halves of one array, and from an empty past', () => {
    const [heads, seq, dim] = [2, 3, 100];
    const step = block(2, heads, seq, dim, 1);
    const both = new Float32Array(2 * 2 * heads * seq * dim);
    const half = both.length / 2;
    appendRows(both, half, both, 0, step, [0, 1], heads, 0, seq, dim);
    expect(Array.from(both.subarray(half))).toEqual(Array.from(step));
  });
});

describe('HostKvCache', () => {
  it('grows step by step, drops rows, and hands out tensors of the current shape', () => {
    const [count, rows, heads, dim] = [2, 3, 2, 4];
    const cache = new HostKvCache(ort.Tensor, count, rows, heads, dim, 8);
    const prefill = [block(rows, heads, 3, dim, 0), block(rows, heads, 3, dim, 500)];
    cache.append(prefill, 3, [0, 1, 2]);
    const step = [block(rows, heads, 1, dim, 9000), block(rows, heads, 1, dim, 9500)];
    cache.append(step, 1, [2, 0]);
    const tensors = cache.tensors();
    expect(tensors.map((t) => t.dims)).toEqual([[2, heads, 4, dim], [2, heads, 4, dim]]);
    tensors.forEach((t, i) => expect(Array.from(t.data as Float32Array)).toEqual(naive(prefill[i], step[i], [2, 0], heads, 3, 1, dim)));
  });

  it('refuses to grow past maxLength', () => {
    const cache = new HostKvCache(ort.Tensor, 1, 1, 1, 2, 2);
    cache.append([block(1, 1, 2, 2, 0)], 2, [0]);
    expect(() => cache.append([block(1, 1, 1, 2, 0)], 1, [0])).toThrow(RangeError);
  });

  it('replaces its contents with a new layout written into the free half, while the current tensors stay readable', () => {
    const [rows, heads, dim] = [2, 2, 3];
    const cache = new HostKvCache(ort.Tensor, 1, rows, heads, dim, 6);
    const first = block(rows, heads, 4, dim, 0);
    cache.append([first], 4, [0, 1]);
    const before = cache.tensors()[0].data as Float32Array;
    // Row 1 alone, at 5 positions per head: a pad position first, then its 4.
    const row1 = (h: number) => before.subarray((heads + h) * 4 * dim, (heads + h + 1) * 4 * dim);
    cache.replace(1, 5, (_, out, at) => [0, 1].forEach((h) => out.set(row1(h), at + (h * 5 + 1) * dim)));
    const [t] = cache.tensors();
    expect(t.dims).toEqual([1, heads, 5, dim]);
    for (const h of [0, 1]) expect(Array.from((t.data as Float32Array).subarray((h * 5 + 1) * dim, (h + 1) * 5 * dim))).toEqual(naive(first, new Float32Array(0), [1], heads, 4, 0, dim).slice(h * 4 * dim, (h + 1) * 4 * dim));
    expect(() => cache.replace(2, 7, () => {})).toThrow(RangeError);
  });
});
