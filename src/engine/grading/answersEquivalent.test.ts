import { describe, expect, it } from 'vitest';
import { answersEquivalent } from './answersEquivalent';
import { numbersClose } from './latexValue';

const same = (a: string, b: string) => answersEquivalent(a, b) && answersEquivalent(b, a);

describe('answersEquivalent: numbers', () => {
  it('reads GSM8K numbers with commas, currency, percent and units', () => {
    expect(same('1,200', '1200')).toBe(true);
    expect(same('$18.00', '18')).toBe(true);
    expect(same('18 dollars', '18')).toBe(true);
    expect(same('18 apples', '18')).toBe(true);
    expect(same('12%', '12')).toBe(true);
    expect(same('1,234,567.5', '1234567.5')).toBe(true);
  });

  it('reads fractions and decimals alike', () => {
    expect(same('3/4', '0.75')).toBe(true);
    expect(same('0.50', '.5')).toBe(true);
    expect(same('.5', '1/2')).toBe(true);
    expect(same('\\frac{3}{4}', '0.75')).toBe(true);
  });

  it('compares to a relative tolerance of 1e-6', () => {
    expect(same('5', '5.000001')).toBe(true);
    expect(same('5', '5.0001')).toBe(false);
    expect(same('1e-7', '0')).toBe(false);
    expect(numbersClose(1e9, 1e9 + 100)).toBe(true);
    expect(numbersClose(0.1 + 0.2, 0.3)).toBe(true);
  });

  it('keeps the sign and the magnitude', () => {
    expect(same('-5', '5')).toBe(false);
    expect(same('12', '1/2')).toBe(false);
    expect(same('18 apples and 3 pears', '18')).toBe(false);
  });

  it('drops a percent sign rather than dividing by 100', () => {
    expect(same('25\\%', '25')).toBe(true);
    expect(same('25\\%', '0.25')).toBe(false);
  });
});

describe('answersEquivalent: LaTeX', () => {
  it('evaluates fractions, roots and pi', () => {
    expect(same('\\dfrac{3}{4}', '\\tfrac34')).toBe(true);
    expect(same('2\\sqrt{2}', '\\sqrt8')).toBe(true);
    expect(same('\\frac{1}{\\sqrt{3}}', '\\frac{\\sqrt{3}}{3}')).toBe(true);
    expect(same('\\sqrt{2}', '2')).toBe(false);
    expect(same('2\\pi', '2')).toBe(false);
  });

  it('keeps degrees as numbers, and converts them inside trigonometric functions', () => {
    expect(same('90^\\circ', '90')).toBe(true);
    expect(same('90^{\\circ}', '\\frac{\\pi}{2}')).toBe(false);
    expect(same('\\cos 60^\\circ', '\\frac{1}{2}')).toBe(true);
  });

  it('compares expressions in variables by identity', () => {
    expect(same('x^2+2x+1', '(x+1)^2')).toBe(true);
    expect(same('\\frac{x+1}{2}', '\\frac{x}{2}+\\frac{1}{2}')).toBe(true);
    expect(same('x+1', 'x+2')).toBe(false);
    expect(same('x^2', 'y^2')).toBe(false);
  });

  it('tells infinities apart from numbers too large for a double', () => {
    expect(same('\\infty', '+\\infty')).toBe(true);
    expect(same('\\infty', '-\\infty')).toBe(false);
    expect(same('10^{400}', '10^{401}')).toBe(false);
    expect(same('10^{400}', '10^{400}')).toBe(true);
  });
});

describe('answersEquivalent: structure', () => {
  it('keeps tuple order and interval brackets strict', () => {
    expect(same('\\left( 3, \\frac{\\pi}{2} \\right)', '(3,\\pi/2)')).toBe(true);
    expect(same('(3,\\pi/2)', '(\\pi/2,3)')).toBe(false);
    expect(same('(1,2]', '(1,2)')).toBe(false);
    expect(same('(1,2)', '1,2')).toBe(false);
  });

  it('lets sets and lists of numbers come in any order, but not lists of other things', () => {
    expect(same('1, 2, 3', '3,2,1')).toBe(true);
    expect(same('\\{1,2\\}', '\\{2,1\\}')).toBe(true);
    expect(same('1, 2', '1, 2, 3')).toBe(false);
    expect(same('1, 1, 2', '1, 2, 2')).toBe(false);
    expect(same('a, b', 'b, a')).toBe(false);
    expect(same('3 cm and 4 cm', '4, 3')).toBe(true);
  });

  it('compares text case-insensitively', () => {
    expect(same('\\text{Evelyn}', 'evelyn')).toBe(true);
    expect(same('no', 'on')).toBe(false);
    expect(same('\\text{(A)}', 'a')).toBe(true);
  });

  it('compares matrices only as written', () => {
    const m = '\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}';
    expect(same(m, '\\begin{pmatrix}1\\\\2\\end{pmatrix}')).toBe(true);
    expect(same(m, '\\begin{pmatrix}1\\\\3\\end{pmatrix}')).toBe(false);
  });
});

describe('answersEquivalent: odd input', () => {
  const odd = [
    '',
    '   ',
    '???',
    '}{',
    '\\frac{',
    '{'.repeat(500),
    '('.repeat(200),
    '\\left(',
    '$',
    '$$',
    '\\boxed{',
    'x ='.repeat(50),
    ',,,,',
    '\\cup\\cup',
    '\u0000\uffff',
    'a'.repeat(5000),
    '1'.repeat(400),
    '((((((((((1))))))))))',
  ];

  it('never throws and gives false for garbage against a real answer', () => {
    for (const s of odd) {
      expect(() => answersEquivalent(s, '5'), JSON.stringify(s)).not.toThrow();
      expect(answersEquivalent(s, '5'), JSON.stringify(s)).toBe(false);
      expect(answersEquivalent('\\frac{1}{2}', s), JSON.stringify(s)).toBe(false);
    }
  });

  it('treats empty answers as matching nothing', () => {
    expect(answersEquivalent('', '')).toBe(false);
    expect(answersEquivalent('$', '$')).toBe(false);
  });

  it('stays bounded on answers that are expensive to evaluate', () => {
    for (const s of ['9^{9^{9^{9}}}', '99999!', '\\sum_{n=1}^{10^9} n', '\\prod_{n=1}^{100000} n']) {
      const start = Date.now();
      expect(answersEquivalent(s, '5'), s).toBe(false);
      expect(Date.now() - start, s).toBeLessThan(3000);
    }
  });
});
