import { describe, expect, it } from 'vitest';
import type { ComparisonReport } from './compareMethods';
import { problemDeltas } from './problemDeltas';

const right = { answer: '1', correct: true };
const wrong = { answer: '2', correct: false };

describe('problemDeltas', () => {
  it('compares the share of right answers among the first n, per problem', () => {
    const report: ComparisonReport = {
      ns: [1, 4],
      problems: ['p1', 'p2'],
      methods: [],
      paired: [],
      picks: { random: [], fixed: [], sprint: [] },
      attempts: {
        greedy: [[wrong, wrong, wrong, wrong], [right, right, right, right]],
        sampling: [[wrong, right, wrong, wrong], [right, wrong, wrong, wrong]],
        random: [[], []],
        fixed: [[], []],
        sprint: [[right, right, wrong, right], [right, right, right, wrong]],
      },
    };
    expect(problemDeltas(report, 'sprint', 'greedy', 4)).toEqual([
      { problem: 'p1', a: 0.75, b: 0, delta: 0.75 },
      { problem: 'p2', a: 0.75, b: 1, delta: -0.25 },
    ]);
    expect(problemDeltas(report, 'sprint', 'sampling', 2).map((d) => d.delta)).toEqual([0.5, 0.5]);
  });
});
