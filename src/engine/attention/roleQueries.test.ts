/**
 * Role scores on hand-made attention: a head that does exactly one thing
 * scores 1 on that role and what the arithmetic says on the others.
 */
import { describe, expect, it } from 'vitest';
import { RoleAccumulator } from './headRoles';
import { roleQueries, type RoleSequence } from './roleQueries';
import { rolesCsv } from './rolesExport';

// "<s> A has 15 . A has B 15 ?" then the answer "15", numbers split into digit tokens as the bundled tokenizer does.
const SEQ: RoleSequence = {
  ids: [1, 10, 11, 21, 25, 12, 10, 11, 13, 21, 25, 4, 21, 25],
  tokens: ['<s>', 'A', 'has', '1', '5', '.', 'A', 'has', 'B', '1', '5', '?', '1', '5'],
  promptLength: 12,
};
const n = SEQ.ids.length;

/** One head whose row q puts all its weight on key f(q). */
function pointing(f: (q: number) => number): Float32Array {
  const w = new Float32Array(n * n);
  for (let q = 0; q < n; q++) w[q * n + f(q)] = 1;
  return w;
}

function scoresOf(weights: Float32Array) {
  const acc = new RoleAccumulator(1, 1);
  acc.add(SEQ, { ids: SEQ.ids, layers: [{ layer: 0, weights }] });
  return acc.report();
}

describe('head roles', () => {
  it('finds the queries each role is measured on', () => {
    const q = roleQueries(SEQ);
    expect(q.previousToken).toHaveLength(n - 1);
    expect(q.sameToken.find((x) => x.query === 6)).toEqual({ query: 6, keys: [1, 6] });
    expect(q.sameToken.find((x) => x.query === 2)).toEqual({ query: 2, keys: [2] });
    expect(q.induction.find((x) => x.query === 6)).toEqual({ query: 6, keys: [2] });
    // The answer's "1","5" (12, 13) copy both "15"s of the question (3-4 and 9-10).
    expect(q.numberCopying).toEqual([{ query: 12, keys: [3, 4, 9, 10] }, { query: 13, keys: [3, 4, 9, 10] }]);
  });

  it('a previous-token head scores 1 on previous token and 1/(n-1) on first token', () => {
    const r = scoresOf(pointing((q) => Math.max(q - 1, 0)));
    expect(r.scores.previousToken[0]).toBeCloseTo(1, 6);
    expect(r.scores.firstToken[0]).toBeCloseTo(1 / (n - 1), 6);
    expect(r.queries.previousToken).toBe(n - 1);
  });

  it('a sink head scores 1 on first token and 0 on number copying', () => {
    const r = scoresOf(pointing(() => 0));
    expect(r.scores.firstToken[0]).toBeCloseTo(1, 6);
    expect(r.scores.numberCopying[0]).toBe(0);
  });

  it('a head looking from answer digits at the question number scores 1 on number copying', () => {
    const r = scoresOf(pointing((q) => (q >= 12 ? q - 9 : 0)));
    expect(r.scores.numberCopying[0]).toBeCloseTo(1, 6);
  });

  it('a role no query counts for is null, and an empty CSV cell', () => {
    const acc = new RoleAccumulator(1, 1);
    const seq: RoleSequence = { ids: [1, 2, 3], tokens: ['<s>', 'a', 'b'], promptLength: 3 };
    acc.add(seq, { ids: seq.ids, layers: [{ layer: 0, weights: new Float32Array([1, 0, 0, 0.5, 0.5, 0, 0.2, 0.3, 0.5]) }] });
    const r = acc.report();
    expect(r.scores.induction[0]).toBeNull();
    expect(r.scores.previousToken[0]).toBeCloseTo((0.5 + 0.3) / 2, 6);
    expect(rolesCsv(r).split('\n')[1]).toBe('0,0,0.400000,0.350000,0.500000,,');
  });
});
