import { describe, expect, it } from 'vitest';
import { bestOfNCurve, type Attempt } from './bestOfN';
import { METHODS, pairedAgainstBaselines, type ComparisonReport, type Method } from './compareMethods';
import { validateComparisonReport } from './validateReport';

const ns = [1, 2];
const right: Attempt = { answer: '4', correct: true };
const wrong: Attempt = { answer: null, correct: false };
const attempts = Object.fromEntries(METHODS.map((m, i) => [m, [[right, wrong], i % 2 ? [wrong, right] : [wrong, wrong]]])) as Record<Method, Attempt[][]>;
const report: ComparisonReport = {
  ns,
  problems: ['p1', 'p2'],
  methods: METHODS.map((method) => ({ method, points: bestOfNCurve(attempts[method], ns, 0) })),
  paired: pairedAgainstBaselines(attempts, ns, 0),
  attempts,
  picks: { random: [[[0, 1], [2, 3]], [[1, 1], null]], fixed: [[null, [0, 0]], [null, [0, 0]]], sprint: [[[4, 1], null], [null, [4, 1]]] },
};

describe('validateComparisonReport', () => {
  it('accepts a report as compareMethods makes it, after a structured clone (as IndexedDB returns it)', () => {
    expect(validateComparisonReport(structuredClone(report), 'saved evaluation')).toEqual(report);
  });

  it('refuses a damaged report, naming the field', () => {
    const check = (change: object) => () => validateComparisonReport({ ...structuredClone(report), ...change }, 'saved evaluation');
    expect(check({ ns: [2, 1] })).toThrow(/saved evaluation is not a usable SPRINT evaluation: "ns"/);
    expect(check({ problems: [] })).toThrow(/"problems"/);
    expect(check({ families: ['a'] })).toThrow(/"families"/);
    expect(check({ methods: report.methods.slice(1) })).toThrow(/"methods"/);
    expect(check({ methods: [{ ...report.methods[0], points: [{ n: 1, passAtN: { mean: 5, low: 0, high: 1 }, majority: report.methods[0].points[0].majority }] }, ...report.methods.slice(1)] })).toThrow(/"methods"/);
    expect(check({ paired: report.paired.map((p) => ({ ...p, mcnemarAt1: { aOnly: -1, bOnly: 0, p: 1 } })) })).toThrow(/"paired"/);
    expect(check({ attempts: { ...report.attempts, sprint: [[{ answer: 5, correct: 'yes' }, right], [right, right]] } })).toThrow(/"attempts"/);
    expect(check({ picks: { ...report.picks, sprint: [[[-1, 0], null], [null, null]] } })).toThrow(/"picks"/);
    expect(() => validateComparisonReport('nonsense', 'saved evaluation')).toThrow(/not an object/);
  });
});
