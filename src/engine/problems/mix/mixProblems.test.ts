import { describe, expect, it } from 'vitest';
import { FAMILIES, mixProblem, mixProblems } from './mixProblems';
import { MIX_MAX_VALUE } from './familyKit';

/** Evaluates one solution line `a op b = c.` and checks its arithmetic. */
function checkLine(line: string): number {
  const m = line.match(/^(\d+) ([-+*/]) (\d+) = (\d+)\.$/);
  expect(m, line).not.toBeNull();
  const [a, op, b, c] = [Number(m![1]), m![2], Number(m![3]), Number(m![4])];
  const want = op === '+' ? a + b : op === '-' ? a - b : op === '*' ? a * b : a / b;
  expect(c, line).toBe(want);
  return c;
}

function checkSolution(answer: string, final: number, level: number): void {
  const lines = answer.split('\n');
  expect(lines.at(-1)).toBe(`#### ${final}`);
  expect(lines.length - 1).toBe(level);
  for (const l of lines.slice(0, -1)) {
    const c = checkLine(l);
    expect(c).toBeGreaterThanOrEqual(0);
    expect(c).toBeLessThanOrEqual(MIX_MAX_VALUE);
  }
}

describe('mix generator', () => {
  const problems = mixProblems({ seed: 5, count: 2000 });

  it('is deterministic per seed and index, and ids name both', () => {
    expect(mixProblem(5, 17)).toEqual(problems[17]);
    expect(problems[17].id).toBe('mix-5-17');
    expect(mixProblems({ seed: 6, count: 5 }).map((p) => p.question)).not.toEqual(problems.slice(0, 5).map((p) => p.question));
  });

  it('draws every family and level, with about a third distracted', () => {
    for (const f of FAMILIES) expect(problems.filter((p) => p.family === f).length).toBeGreaterThan(150);
    for (const lv of [1, 2, 3]) expect(problems.filter((p) => p.level === lv).length).toBeGreaterThan(500);
    const share = problems.filter((p) => p.distracted).length / problems.length;
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.4);
  });

  it('writes correct arithmetic for the solution and a different, equally valid shortcut when distracted', () => {
    for (const p of problems) {
      checkSolution(p.answer, p.final, p.level);
      expect(Boolean(p.shortcut)).toBe(p.distracted);
      if (p.shortcut) {
        checkSolution(p.shortcut.answer, p.shortcut.final, p.level);
        expect(p.shortcut.final).not.toBe(p.final);
      }
    }
  });

  it('honours a fixed level', () => {
    expect(mixProblems({ seed: 9, count: 50, level: 3 }).every((p) => p.level === 3)).toBe(true);
  });

  it('pins the first problems of seed 7', () => {
    expect(mixProblems({ seed: 7, count: 3 }).map((p) => [p.family, p.question, p.answer])).toMatchSnapshot();
  });
});
