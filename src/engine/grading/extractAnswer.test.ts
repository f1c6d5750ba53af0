import { describe, expect, it } from 'vitest';
import { extractFinalAnswer, lastBoxed, numericAnswersMatch } from './extractAnswer';

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

  it('gives undefined when there is no final answer', () => {
    expect(extractFinalAnswer('12 + 3 = 15.')).toBeUndefined();
    expect(extractFinalAnswer('\\boxed{unclosed')).toBeUndefined();
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
