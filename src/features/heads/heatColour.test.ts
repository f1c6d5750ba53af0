import { describe, expect, it } from 'vitest';
import { heatColour, heatLimit } from './heatColour';

const channels = (rgb: string) => rgb.match(/\d+/g)!.map(Number);

describe('heatLimit', () => {
  it('stops at the upper quartile of |change|, so one layer of extreme heads does not flatten the rest', () => {
    const deltas = [...Array(8).fill(-34), ...Array.from({ length: 40 }, (_, i) => ((i % 5) - 3) * 0.5)];
    const { limit, beyond } = heatLimit(deltas, 0.5);
    expect(limit).toBeCloseTo(1.5, 5);
    expect(beyond).toBe(8);
  });

  it('keeps its floor when nearly every head is unchanged, and ignores heads not swept', () => {
    expect(heatLimit([0, 0, 0, 0.05, NaN], 0.1)).toEqual({ limit: 0.1, beyond: 0 });
    expect(heatLimit([], 0.5)).toEqual({ limit: 0.5, beyond: 0 });
  });
});

describe('heatColour', () => {
  it('draws a seventh of the limit visibly blue, not near white', () => {
    const [r, g, b] = channels(heatColour(0.1, 0.7));
    expect(255 - Math.min(r, g, b)).toBeGreaterThan(60);
    expect(b).toBeGreaterThan(r);
  });

  it('is white at 0, red for harm, full strength at and beyond the limit, grey without data', () => {
    expect(heatColour(0, 1)).toBe('rgb(255, 255, 255)');
    expect(heatColour(-1, 1)).toBe('rgb(178, 24, 43)');
    expect(heatColour(-5, 1)).toBe('rgb(178, 24, 43)');
    expect(heatColour(NaN, 1)).toBe('#e1e4ea');
  });
});
