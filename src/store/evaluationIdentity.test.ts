import { describe, expect, it } from 'vitest';
import { METHODS } from '../engine/sprint/compareMethods';
import { evaluationIdentity, type EvaluationSettings } from './evaluationIdentity';

const problems = (seed: number) => [0, 1, 2].map((i) => ({ id: `synthetic-${seed}-${i}`, question: `q${seed}.${i}`, reference: `${i}` }));
const base: EvaluationSettings = { fingerprint: 'a'.repeat(64), selectorId: 'sel-1', problems: problems(7), maxN: 2, methods: METHODS, truncations: [], maxNewTokens: 64, seed: 0 };

describe('evaluationIdentity', () => {
  it('gives the same key for the same evaluation', () => {
    expect(evaluationIdentity(base)).toBe(evaluationIdentity(structuredClone(base)));
    expect(evaluationIdentity(base)).toMatch(/^a{16}-[0-9a-f]{16}$/);
  });

  it('gives a different key when anything that changes the numbers changes', () => {
    const key = evaluationIdentity(base);
    for (const change of [
      { selectorId: 'sel-2' },
      { problems: problems(11) },
      { maxN: 3 },
      { methods: METHODS.slice(1) },
      { truncations: ['3.mlp.down:0.1'] },
      { maxNewTokens: 32 },
      { seed: 1 },
      { fingerprint: 'b'.repeat(64) },
    ]) {
      expect(evaluationIdentity({ ...base, ...change })).not.toBe(key);
    }
  });
});
