import { describe, expect, it } from 'vitest';
import { cleanAnswerText, extractFinalAnswer, lastBoxed, numericAnswersMatch, parseNumber } from './extractAnswer';

describe('extractFinalAnswer', () => {
  it('takes the last #### line', () => {
    expect(extractFinalAnswer('3 + 4 = 7.\n#### 7')).toBe('7');
    expect(extractFinalAnswer('#### 1\nwait\n#### 2')).toBe('2');
  });

  it('takes \\boxed{} with nested braces', () => {
    expect(lastBoxed('so \\boxed{\\frac{1}{2}} done')).toBe('\\frac{1}{2}');
    expect(extractFinalAnswer('first \\boxed{1}, finally \\boxed{\\sqrt{\\frac{3}{4}}}')).toBe('\\sqrt{\\frac{3}{4}}');
  });

  it('takes "The answer is ..."', () => {
    expect(extractFinalAnswer('Adding up, the answer is 42.')).toBe('42');
  });

  it('takes \\fbox{} and the brace-less \\boxed 5', () => {
    expect(lastBoxed('\\fbox{\\pi}')).toBe('\\pi');
    expect(extractFinalAnswer('first \\fbox{1} then $\\boxed 5$')).toBe('5');
    expect(lastBoxed('\\boxedfoo')).toBeUndefined();
  });

  it('takes "the final answer is", stopping at the end of the sentence', () => {
    expect(extractFinalAnswer('Final Answer: The final answer is $\\frac{3}{4}$. I hope it is correct.')).toBe('\\frac{3}{4}');
    expect(extractFinalAnswer('The answer is 0.5 cups.')).toBe('0.5 cups');
    expect(extractFinalAnswer('So the answer is: 42. Done.')).toBe('42');
  });

  it('takes an "Answer:" line when nothing else states the answer', () => {
    expect(extractFinalAnswer('Work.\n**Answer:** 17')).toBe('17');
    expect(extractFinalAnswer('Answer: $x = 3$.')).toBe('x = 3');
  });

  it('strips a trailing period and $ wrappers from #### answers, keeping a currency $', () => {
    expect(extractFinalAnswer('#### 18.')).toBe('18');
    expect(extractFinalAnswer('#### $1,200')).toBe('$1,200');
    expect(extractFinalAnswer('#### $\\frac{1}{2}$')).toBe('\\frac{1}{2}');
  });

  it('gives undefined when there is no final answer', () => {
    expect(extractFinalAnswer('12 + 3 = 15.')).toBeUndefined();
    expect(extractFinalAnswer('\\boxed{unclosed')).toBeUndefined();
  });
});

describe('cleanAnswerText and parseNumber', () => {
  it('strip wrappers and read leading-dot decimals', () => {
    expect(cleanAnswerText(' **\\(7\\)** ')).toBe('7');
    expect(cleanAnswerText('$$2$$.')).toBe('2');
    expect(parseNumber('.5 cups')).toBe(0.5);
    expect(parseNumber('$1,200')).toBe(1200);
  });
});

describe('numericAnswersMatch', () => {
  it('ignores commas, $ and units', () => {
    expect(numericAnswersMatch('#### $1,200', '#### 1200')).toBe(true);
    expect(numericAnswersMatch('The answer is 18 apples.', '#### 18')).toBe(true);
  });

  it('rejects a different number or a missing answer', () => {
    expect(numericAnswersMatch('#### 19', '#### 18')).toBe(false);
    expect(numericAnswersMatch('18', '#### 18')).toBe(false);
  });
});
