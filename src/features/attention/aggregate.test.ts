/**
 * Token grouping and the map's pixels, on a 5-token causal pattern: group
 * rows still sum to 1, nothing lands after the query, and the pixel table
 * gives weights, differences and the masked grey their colours, whether a
 * map is filled at once or a band of rows at a time.
 */
import { describe, expect, it } from 'vitest';
import { groupTokens } from './aggregate';
import { cssColour, fillPixels } from './mapColour';

const N = 5;
/** Row q spreads its weight evenly over keys 0..q. */
const uniform = Float32Array.from({ length: N * N }, (_, i) => (i % N <= Math.floor(i / N) ? 1 / (Math.floor(i / N) + 1) : 0));
const labels = ['a', 'b', 'c', 'd', 'e'];

describe('groupTokens', () => {
  it('averages rows and sums keys, so each group row sums to 1', () => {
    const g = groupTokens(uniform, N, labels, 2);
    expect(g.m).toBe(3);
    expect(g.labels).toEqual(['ab', 'cd', 'e']);
    expect(g.ranges).toEqual([[0, 2], [2, 4], [4, 5]]);
    for (let q = 0; q < g.m; q++) {
      const row = Array.from(g.values.subarray(q * g.m, (q + 1) * g.m));
      expect(row.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 6);
      expect(row.slice(q + 1).every((v) => v === 0)).toBe(true);
    }
    // Rows "a" (1 on a) and "b" (1/2 on a, 1/2 on b) average to all weight on group "ab".
    expect(g.values[0]).toBeCloseTo(1, 6);
  });

  it('returns the map unchanged for one token per cell', () => {
    expect(groupTokens(uniform, N, labels, 1).values).toBe(uniform);
  });
});

describe('fillPixels', () => {
  const pixel = (px: Uint8ClampedArray, q: number, k: number) => `rgb(${px[(q * N + k) * 4]}, ${px[(q * N + k) * 4 + 1]}, ${px[(q * N + k) * 4 + 2]})`;

  it('colours weights on the purple scale and keys after the query grey', () => {
    const px = new Uint8ClampedArray(N * N * 4);
    fillPixels(px, uniform, N, 'weights', 1);
    expect(pixel(px, 0, 0)).toBe(cssColour(1, 'weights'));
    expect(pixel(px, 1, 0)).toBe(cssColour(0.5, 'weights'));
    expect(pixel(px, 0, 1)).toBe('rgb(225, 228, 234)');
    expect(px[3]).toBe(255);
  });

  it('colours differences blue when a weight grew and red when it shrank', () => {
    const diff = new Float32Array(N * N);
    diff[N] = 0.2;
    diff[N + 1] = -0.2;
    const px = new Uint8ClampedArray(N * N * 4);
    fillPixels(px, diff, N, 'difference', 0.2);
    expect(pixel(px, 1, 0)).toBe(cssColour(0.2, 'difference', 0.2));
    expect(pixel(px, 1, 1)).toBe(cssColour(-0.2, 'difference', 0.2));
    expect(pixel(px, 2, 0)).toBe('rgb(255, 255, 255)');
  });

  it('draws a difference from its two maps (values − minus) as it draws the difference itself', () => {
    const after = uniform.map((v, i) => (i === N ? v + 0.2 : i === N + 1 ? v - 0.2 : v));
    const fromTwo = new Uint8ClampedArray(N * N * 4);
    fillPixels(fromTwo, after, N, 'difference', 0.2, { minus: uniform });
    const diff = after.map((v, i) => v - uniform[i]);
    const fromOne = new Uint8ClampedArray(N * N * 4);
    fillPixels(fromOne, diff, N, 'difference', 0.2);
    expect(Array.from(fromTwo)).toEqual(Array.from(fromOne));
    expect(pixel(fromTwo, 1, 0)).toBe(cssColour(0.2, 'difference', 0.2));
  });

  it('fills a band of rows at a time to the same pixels as all at once', () => {
    const whole = new Uint8ClampedArray(N * N * 4);
    fillPixels(whole, uniform, N, 'weights', 1);
    const banded = new Uint8ClampedArray(N * N * 4);
    for (const [from, to] of [[0, 2], [2, 3], [3, 5]]) fillPixels(banded, uniform, N, 'weights', 1, { from, to });
    expect(Array.from(banded)).toEqual(Array.from(whole));
  });
});
