import { describe, expect, it } from 'vitest';
import { MAX_VALUE, syntheticProblem, syntheticProblems, type Level } from './synthetic';
import { HELD_OUT_SEED, TRAINING_SEED_BASE, VALIDATION_SEED } from './splits';
import { extractFinalAnswer } from '../grading/extractAnswer';

/** Re-does the arithmetic of a solution line by line. */
function checkSolution(answer: string): number {
  const lines = answer.split('\n');
  let last = NaN;
  for (const line of lines.slice(0, -1)) {
    const m = line.match(/^(\d+) ([-+*/]) (\d+) = (\d+)\.$/);
    expect(m, line).not.toBeNull();
    const [a, op, b, c] = [Number(m![1]), m![2], Number(m![3]), Number(m![4])];
    const want = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : a / b;
    expect(c).toBe(want);
    if (!Number.isNaN(last)) expect(a).toBe(last);
    last = c;
  }
  expect(lines.at(-1)).toBe(`#### ${last}`);
  return last;
}

describe('synthetic problems', () => {
  it('are reproducible from seed and index alone', () => {
    expect(syntheticProblems({ seed: 5, count: 3 })).toEqual(syntheticProblems({ seed: 5, count: 10 }).slice(0, 3));
    expect(syntheticProblem(5, 2)).toEqual(syntheticProblem(5, 2));
    expect(syntheticProblem(5, 2).question).not.toBe(syntheticProblem(6, 2).question);
  });

  it('pins the first held-out problem', () => {
    expect(syntheticProblem(HELD_OUT_SEED, 0)).toMatchSnapshot();
  });

  it('have correct step-by-step arithmetic, the asked number of steps and small values', () => {
    for (const level of [1, 2, 3, 4] as Level[]) {
      for (const p of syntheticProblems({ seed: 11, count: 200, level })) {
        expect(p.level).toBe(level);
        expect(p.answer.split('\n')).toHaveLength(level + 1);
        expect(checkSolution(p.answer)).toBe(p.final);
        expect(extractFinalAnswer(p.answer)).toBe(String(p.final));
        for (const n of p.question.match(/\d+/g)!.map(Number)) expect(n).toBeLessThanOrEqual(MAX_VALUE);
        expect(p.question).toMatch(/How many \w+ does \w+ have now\?$/);
      }
    }
  });

  it('mix all levels and include distractor sentences when no level is fixed', () => {
    const set = syntheticProblems({ seed: 12, count: 400 });
    expect(new Set(set.map((p) => p.level))).toEqual(new Set([1, 2, 3, 4]));
    const withNoise = set.filter((p) => p.question.split('. ').length > p.level + 2);
    expect(withNoise.length).toBeGreaterThan(100);
  });

  it('draw splits from disjoint seeds', () => {
    expect(new Set([HELD_OUT_SEED, VALIDATION_SEED]).size).toBe(2);
    expect(HELD_OUT_SEED).toBeLessThan(TRAINING_SEED_BASE);
    expect(VALIDATION_SEED).toBeLessThan(TRAINING_SEED_BASE);
  });
});
