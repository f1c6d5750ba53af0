import { describe, expect, it } from 'vitest';
import type { ComparisonReport } from './compareMethods';
import { familyBreakdown, NO_FAMILY } from './familyBreakdown';
import { comparisonToCsv } from './comparisonCsv';
import { problemDeltas } from './problemDeltas';

const right = { answer: '1', correct: true };
const wrong = { answer: '2', correct: false };

/** Three problems: two "price" and one without a family. */
function report(families?: (string | null)[]): ComparisonReport {
  return {
    ns: [1, 2],
    problems: ['p1', 'p2', 'p3'],
    ...(families ? { families } : {}),
    methods: [],
    paired: [],
    picks: { random: [], fixed: [], sprint: [] },
    attempts: {
      greedy: [[wrong, wrong], [right, right], [wrong, wrong]],
      sampling: [[wrong, right], [right, wrong], [right, right]],
      random: [[right, wrong], [wrong, wrong], [wrong, wrong]],
      fixed: [[wrong, wrong], [wrong, wrong], [wrong, wrong]],
      sprint: [[right, right], [right, wrong], [wrong, right]],
    },
  };
}

describe('per-family results', () => {
  it('give n and pass@1 per method for each family, problems without one grouped apart', () => {
    expect(familyBreakdown(report(['price', 'price', null]))).toEqual([
      { family: 'price', n: 2, passAt1: { greedy: 0.5, sampling: 0.5, random: 0.5, fixed: 0, sprint: 1 } },
      { family: NO_FAMILY, n: 1, passAt1: { greedy: 0, sampling: 1, random: 0, fixed: 0, sprint: 0 } },
    ]);
  });

  it('are empty for a report without families', () => {
    expect(familyBreakdown(report())).toEqual([]);
  });

  it('reach the per-problem differences and the CSV, with an empty family cell where there is none', () => {
    expect(problemDeltas(report(['price', 'price', null]), 'sprint', 'greedy', 2).map((d) => d.family)).toEqual(['price', 'price', undefined]);
    const csv = comparisonToCsv(report(['price', 'price', null])).split('\n');
    expect(csv[0]).toBe(
      'problem_id,family,n,greedy_first_right,greedy_right,sampling_first_right,sampling_right,random_first_right,random_right,fixed_first_right,fixed_right,sprint_first_right,sprint_right',
    );
    expect(csv[1]).toBe('"p1","price",2,0,0,0,1,1,1,0,0,1,2');
    expect(csv[3]).toBe('"p3","",2,0,0,1,2,0,0,0,0,0,1');
    expect(comparisonToCsv(report()).split('\n')[2]).toBe('"p2","",2,1,2,1,1,0,0,0,0,1,1');
  });
});
