import { describe, expect, it } from 'vitest';
import { coverageOrder } from './coverage';
import type { OutcomeTable } from './outcomes';

/** 3 heads + "prune nothing" (index 3) over 6 questions. */
const table: OutcomeTable = {
  problems: [0, 1, 2, 3, 4, 5],
  nCand: 4,
  // columns: head 0, head 1, head 2, none
  y: Float32Array.from([
    1, 0, 0, 1,
    1, 0, 0, 1,
    1, 0, 0, 1,
    0, 1, 0, 0,
    0, 1, 0, 0,
    0, 0, 1, 0,
  ]),
};

describe('coverageOrder', () => {
  it('starts from the unpruned answers and adds the candidate solving the most still-unsolved questions', () => {
    // After "none" solves 0-2, head 0 adds nothing, head 1 adds two questions, head 2 one.
    expect(coverageOrder(table, { limit: 4, noneFirst: true })).toEqual([3, 1, 2, 0]);
  });

  it('without noneFirst and β = 0 picks by coverage alone (ties to the lower index)', () => {
    expect(coverageOrder(table, { limit: 2 })).toEqual([0, 1]);
  });

  it('lets a strong enough per-question shift move a candidate forward', () => {
    const shift = [0, 0, 5, 0];
    expect(coverageOrder(table, { limit: 2, shift, beta: 0 })).toEqual([0, 1]);
    expect(coverageOrder(table, { limit: 2, shift, beta: 1 })[0]).toBe(2);
  });
});
