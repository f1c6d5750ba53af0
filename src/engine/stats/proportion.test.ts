import { describe, expect, it } from 'vitest';
import { flipOf, wilsonInterval } from './proportion';

describe('wilsonInterval', () => {
  it('matches the textbook value for 7 of 10', () => {
    const { low, high } = wilsonInterval(7, 10);
    expect(low).toBeCloseTo(0.3968, 3);
    expect(high).toBeCloseTo(0.8922, 3);
  });

  it('stays inside [0, 1] at the ends', () => {
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(10, 10).high).toBeCloseTo(1, 12);
    expect(wilsonInterval(0, 10).high).toBeGreaterThan(0.2);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });
});

describe('flipOf', () => {
  it('names the four moves', () => {
    expect(flipOf(false, true)).toBe('fixed');
    expect(flipOf(true, false)).toBe('broken');
    expect(flipOf(true, true)).toBe('same-right');
    expect(flipOf(false, false)).toBe('same-wrong');
  });
});
