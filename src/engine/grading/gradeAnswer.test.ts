import { describe, expect, it } from 'vitest';
import { answersEquivalent } from './answersEquivalent';
import { gradeAnswer, referenceAnswer } from './gradeAnswer';
import type { GradingFixture } from './fixtures/gradingFixture';
import { GSM8K_FIXTURES } from './fixtures/gsm8kFixtures';
import { MATH_FIXTURES } from './fixtures/mathFixtures';

/** The ways a model's output states its final answer, per fixture style. */
const GSM8K_OUTPUTS = [(a: string) => `Let me work it out step by step.\n#### ${a}`, (a: string) => `So the answer is ${a}.`];
const MATH_OUTPUTS = [
  (a: string) => `Putting it together, the answer is $\\boxed{${a}}$.`,
  (a: string) => `Final Answer: The final answer is $${a}$. I hope it is correct.`,
];

function checkFixtures(name: string, fixtures: GradingFixture[], outputs: ((answer: string) => string)[]) {
  describe(name, () => {
    it.each(fixtures.map((f) => [f.id, f] as const))('%s: the solution states its answer and grades correct', (_id, f) => {
      expect(referenceAnswer(f.solution)).toBe(f.answer);
      expect(gradeAnswer(f.solution, f.solution)).toEqual({ predicted: f.answer, reference: f.answer, correct: true });
      expect(gradeAnswer(f.solution, f.answer).correct).toBe(true);
    });

    it.each(fixtures.map((f) => [f.id, f] as const))('%s: equivalent rewritings grade correct', (_id, f) => {
      for (const e of f.equivalent) {
        expect(answersEquivalent(e, f.answer), `${e} vs ${f.answer}`).toBe(true);
        expect(answersEquivalent(f.answer, e), `${f.answer} vs ${e}`).toBe(true);
        for (const say of outputs) expect(gradeAnswer(say(e), f.solution).correct, say(e)).toBe(true);
      }
    });

    it.each(fixtures.map((f) => [f.id, f] as const))('%s: near misses grade wrong', (_id, f) => {
      for (const w of f.wrong) {
        expect(answersEquivalent(w, f.answer), `${w} vs ${f.answer}`).toBe(false);
        expect(answersEquivalent(f.answer, w), `${f.answer} vs ${w}`).toBe(false);
        for (const say of outputs) expect(gradeAnswer(say(w), f.solution).correct, say(w)).toBe(false);
      }
    });
  });
}

checkFixtures('GSM8K-style fixtures', GSM8K_FIXTURES, GSM8K_OUTPUTS);
checkFixtures('MATH-style fixtures', MATH_FIXTURES, MATH_OUTPUTS);

describe('fixture sets', () => {
  it('are large enough and have unique ids', () => {
    expect(GSM8K_FIXTURES.length).toBeGreaterThanOrEqual(15);
    expect(MATH_FIXTURES.length).toBeGreaterThanOrEqual(20);
    const ids = [...GSM8K_FIXTURES, ...MATH_FIXTURES].map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('gradeAnswer', () => {
  it('reports the extracted answers beside the verdict', () => {
    expect(gradeAnswer('She has 18 apples.\n#### 18 apples.', 'She had 20 - 2 = 18.\n#### 18')).toEqual({
      predicted: '18 apples',
      reference: '18',
      correct: true,
    });
  });

  it('marks an output with no stated final answer wrong', () => {
    expect(gradeAnswer('18', '#### 18')).toEqual({ predicted: null, reference: '18', correct: false });
    expect(gradeAnswer('', '#### 18').correct).toBe(false);
  });

  it('takes a bare reference as the answer itself, and an empty one as none', () => {
    expect(gradeAnswer('\\boxed{0.75}', '\\frac{3}{4}').correct).toBe(true);
    expect(gradeAnswer('#### 5', '   ')).toEqual({ predicted: '5', reference: null, correct: false });
  });

  it('never throws on values that are not strings', () => {
    const notString = 5 as unknown as string;
    expect(gradeAnswer(notString, '#### 5').correct).toBe(false);
    expect(gradeAnswer('#### 5', notString).correct).toBe(false);
  });
});
