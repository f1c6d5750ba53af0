import { describe, expect, it } from 'vitest';
import type { SweepSummary } from '../../engine/sweep/sweepMetrics';
import { rankedHeadsCsv, rankHeads } from './rankedCsv';
import { formatBaseline, formatChange } from '../heads/changeUnit';

const summary = (unit: SweepSummary['unit'], deltas: number[]): SweepSummary => ({
  heads: deltas.map((delta, i) => ({ layer: Math.floor(i / 2), head: i % 2, delta, n: Number.isFinite(delta) ? 4 : 0 })),
  baselineMean: unit === 'accuracy' ? 0.75 : -12.5,
  unit,
});

describe('rankedHeadsCsv', () => {
  it('ranks swept heads most helpful first, in percentage points, leaving out heads not swept', () => {
    const s = summary('accuracy', [-0.25, 0.5, NaN, 0]);
    expect(rankHeads(s).map((h) => `${h.layer}.${h.head}`)).toEqual(['0.1', '1.1', '0.0']);
    expect(rankedHeadsCsv(s)).toBe('rank,layer,head,change_accuracy_pts,problems\n1,0,1,50.0,4\n2,1,1,0.0,4\n3,0,0,-25.0,4\n');
  });

  it('names nats in the header of a log-prob ranking', () => {
    expect(rankedHeadsCsv(summary('log-prob', [-1.23456, 0.5])).split('\n').slice(0, 2)).toEqual(['rank,layer,head,change_logprob_nats,problems', '1,0,1,0.500,4']);
  });
});

describe('change units', () => {
  it('writes changes and the baseline in the unit of the sweep', () => {
    expect(formatChange(0.1, 'accuracy')).toBe('+10.0 pts');
    expect(formatChange(-1, 'log-prob')).toBe('-1.000 nats');
    expect(formatChange(0, 'accuracy')).toBe('+0.0 pts');
    expect(formatChange(NaN, 'accuracy')).toBe('–');
    expect(formatBaseline(summary('accuracy', [0]))).toBe('75.0% right');
    expect(formatBaseline(summary('log-prob', [0]))).toBe('-12.500 nats mean log-probability of the reference');
  });
});
