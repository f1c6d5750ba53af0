import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../problems/rng';
import { argmax, sampleToken } from './sampling';

const logits = new Float32Array([0, 2, 1, -1, 0.5]);
const softmax = (xs: number[], t = 1) => {
  const e = xs.map((x) => Math.exp(x / t));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
};

function frequencies(options: Parameters<typeof sampleToken>[3], n = 20000): number[] {
  const random = mulberry32(1);
  const counts = new Array(logits.length).fill(0);
  for (let i = 0; i < n; i++) counts[sampleToken(logits, 0, logits.length, options, random)]++;
  return counts.map((c) => c / n);
}

describe('sampleToken', () => {
  it('follows the softmax at temperature 1', () => {
    const want = softmax([...logits]);
    frequencies({ temperature: 1, seed: 0 }).forEach((f, i) => expect(f).toBeCloseTo(want[i], 1));
  });

  it('sharpens with a low temperature', () => {
    const f = frequencies({ temperature: 0.25, seed: 0 });
    expect(f[1]).toBeGreaterThan(0.95);
  });

  it('keeps only the top k', () => {
    const f = frequencies({ temperature: 1, topK: 2, seed: 0 });
    expect(f[0] + f[3] + f[4]).toBe(0);
    const want = softmax([2, 1]);
    expect(f[1]).toBeCloseTo(want[0], 1);
  });

  it('keeps the nucleus for top p', () => {
    // Probabilities: 0.48, 0.18, 0.11, 0.07 ... top-p 0.6 keeps tokens 1 and 2.
    const f = frequencies({ temperature: 1, topP: 0.6, seed: 0 });
    expect(f[0] + f[3] + f[4]).toBe(0);
    expect(f[1]).toBeGreaterThan(f[2]);
  });

  it('is greedy at temperature 0 and offsets into a batch row', () => {
    const two = new Float32Array([...logits, 5, 0, 0, 0, 0]);
    expect(sampleToken(two, 5, 5, { temperature: 0, seed: 0 }, Math.random)).toBe(0);
    expect(argmax(two, 0, 5)).toBe(1);
  });
});
