/**
 * The map's geometry in CSS pixels: which cell the pointer is over at any
 * cell size (the canvas holds one pixel per cell, so hit-testing must not
 * use its bitmap size), and how labels are thinned when cells are small.
 */
import { describe, expect, it } from 'vitest';
import { cellAt, LABEL_OVERHANG, labelStride, labelStrips, layoutFor } from './patternCanvas';

describe('cellAt', () => {
  it('finds the cell under a point at the zoom shown, and nothing off the map', () => {
    const layout = layoutFor(300, 8);
    expect(cellAt(layout, 0, 0)).toEqual({ q: 0, k: 0 });
    expect(cellAt(layout, 7.9, 8)).toEqual({ q: 1, k: 0 });
    expect(cellAt(layout, 2399, 2399)).toEqual({ q: 299, k: 299 });
    expect(cellAt(layout, 2400, 10)).toBeUndefined();
    expect(cellAt(layout, -1, 10)).toBeUndefined();
  });
});

describe('label strips', () => {
  it('run the length of the map on each axis, and a little past its ends, one margin deep', () => {
    const layout = layoutFor(30, 12);
    const length = 360 + 2 * LABEL_OVERHANG;
    expect(labelStrips(layout)).toEqual({ rows: [layout.margin, length], cols: [length, layout.margin] });
  });

  it('keep drawn labels at least a 12 px line apart', () => {
    expect(labelStride(12)).toBe(1);
    expect(labelStride(8)).toBe(2);
    expect(labelStride(4)).toBe(3);
    expect(labelStride(2)).toBe(6);
  });
});
