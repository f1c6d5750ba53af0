import { describe, expect, it } from 'vitest';
import { answerShape, splitTopLevel } from './answerShape';
import { dropVariablePrefix, isTextAnswer, normalizeAnswer, plainNumberValue } from './normalizeAnswer';

describe('normalizeAnswer', () => {
  it('removes presentation-only LaTeX', () => {
    expect(normalizeAnswer('\\left( 3, \\dfrac{\\pi}{2} \\right)')).toBe('( 3, \\frac{\\pi}{2} )');
    expect(normalizeAnswer('$\\frac12$.')).toBe('\\frac{1}{2}');
    expect(normalizeAnswer('\\sqrt2')).toBe('\\sqrt{2}');
    expect(normalizeAnswer('3\\!\\cdot\\!4')).toBe('3 \\cdot 4');
    expect(normalizeAnswer('\\displaystyle \\tfrac{1}{3}')).toBe('\\frac{1}{3}');
  });

  it('drops degrees, percent, currency, thousands separators and units', () => {
    expect(normalizeAnswer('90^{\\circ}')).toBe('90');
    expect(normalizeAnswer('45\u00b0')).toBe('45');
    expect(normalizeAnswer('12.5\\%')).toBe('12.5');
    expect(normalizeAnswer('\\$1,250.00')).toBe('1250.00');
    expect(normalizeAnswer('1{,}000')).toBe('1000');
    expect(normalizeAnswer('1\\,000')).toBe('1000');
    expect(normalizeAnswer('16\\text{ cm}^2')).toBe('16');
    expect(normalizeAnswer('18 dollars')).toBe('18');
    expect(normalizeAnswer('\u22127')).toBe('-7');
  });

  it('keeps words that would change the value or that are the answer', () => {
    expect(normalizeAnswer('5 x')).toBe('5 x');
    expect(normalizeAnswer('2 pi')).toBe('2 pi');
    expect(normalizeAnswer('\\text{Evelyn}')).toBe('Evelyn');
    expect(normalizeAnswer('\\textbf{\\text{odd}}')).toBe('odd');
  });
});

describe('answer helpers', () => {
  it('drops a leading variable name', () => {
    expect(dropVariablePrefix('x = 5')).toBe('5');
    expect(dropVariablePrefix('\\theta=\\pi')).toBe('\\pi');
    expect(dropVariablePrefix('x \\in (1,2]')).toBe('(1,2]');
    expect(dropVariablePrefix('f(x) = x^2')).toBe('x^2');
    expect(dropVariablePrefix('x + y = 5')).toBe('x + y = 5');
  });

  it('reads plain numbers only', () => {
    expect(plainNumberValue('-3/4')).toBe(-0.75);
    expect(plainNumberValue('.5')).toBe(0.5);
    expect(plainNumberValue('1,2')).toBeUndefined();
    expect(plainNumberValue('1/0')).toBeUndefined();
    expect(plainNumberValue('\\frac{1}{2}')).toBeUndefined();
  });

  it('tells text from mathematics', () => {
    expect(isTextAnswer('Evelyn')).toBe(true);
    expect(isTextAnswer('no')).toBe(true);
    expect(isTextAnswer('\\frac{\\pi}{2}')).toBe(false);
    expect(isTextAnswer('2xy+1')).toBe(false);
  });
});

describe('answerShape', () => {
  it('splits only at the top level', () => {
    expect(splitTopLevel('f(1,2), [3,4), \\{5,6\\}', /,/)).toEqual(['f(1,2)', '[3,4)', '\\{5,6\\}']);
  });

  it('recognises intervals, tuples, sets, lists and unions', () => {
    expect(answerShape('(1,2]')).toEqual({ kind: 'bracketed', open: '(', close: ']', items: ['1', '2'] });
    expect(answerShape('\\{1, 2\\}')).toEqual({ kind: 'set', items: ['1', '2'] });
    expect(answerShape('1 or 2')).toEqual({ kind: 'list', items: ['1', '2'] });
    expect(answerShape('(0,1)\\cup(2,3)')).toEqual({ kind: 'union', parts: ['(0,1)', '(2,3)'] });
    expect(answerShape('(C)')).toEqual({ kind: 'scalar', text: 'C' });
    expect(answerShape('(1)(2)')).toEqual({ kind: 'scalar', text: '(1)(2)' });
  });
});
