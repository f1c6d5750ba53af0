/**
 * LaTeX comparison through @cortex-js/compute-engine: parses each side,
 * compares numerically when both are constants, and otherwise checks
 * symbolic identity (structure, expansion, then agreement at sample points).
 * One engine is created lazily and reused: building it takes ~150 ms. It
 * works at machine precision, which is all a 1e-6 tolerance needs and keeps
 * towers such as 9^{9^{9^9}} from building huge exact integers. Every
 * comparison runs under a time limit, so a costly answer (a sum to 10^9)
 * gives up instead of stalling a sweep; a single big-integer step inside the
 * engine cannot be interrupted and may overrun it by a few hundred ms.
 */
import { ComputeEngine, isNumber, type Expression } from '@cortex-js/compute-engine';

/** Answers longer than this are not parsed: a final answer is short, and parsing prose is slow. */
const MAX_LATEX_LENGTH = 200;

/** Relative tolerance for numeric agreement. */
export const RELATIVE_TOLERANCE = 1e-6;

/** Points at which two expressions in the same variables must agree; irregular to avoid coincidences. */
const SAMPLE_POINTS = [0.7310585, 1.9134171, -2.3025851];

/** Wall-clock limit of one comparison; ordinary answers take a few milliseconds. */
const TIME_LIMIT_MS = 500;

let engine: ComputeEngine | undefined;

function computeEngine(): ComputeEngine {
  if (!engine) {
    engine = new ComputeEngine();
    engine.precision = 'machine';
  }
  return engine;
}

/** Runs `fn` under the time limit; a timeout or any other failure gives undefined. */
function limited<T>(fn: () => T): T | undefined {
  try {
    return computeEngine().withTimeLimit(TIME_LIMIT_MS, fn as () => T extends Promise<unknown> ? never : T);
  } catch {
    return undefined;
  }
}

/** True when `a` and `b` agree to a relative 1e-6 (absolute 1e-12 near zero); equal infinities agree. */
export function numbersClose(a: number, b: number): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  const diff = Math.abs(a - b);
  return diff <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b)) || diff < 1e-12;
}

interface Complex {
  re: number;
  im: number;
}

/**
 * The numeric value of a constant expression, or undefined when it is not a
 * number. An infinite value counts only when the input wrote `\infty`: at
 * machine precision 10^{400} overflows to infinity too, and must not equal
 * 10^{401}.
 */
function numericValue(expr: Expression, allowInfinite: boolean): Complex | undefined {
  if (expr.unknowns.length > 0) return undefined;
  const n = expr.N();
  if (!isNumber(n)) return undefined;
  const value = { re: n.re, im: n.im };
  if (Number.isNaN(value.re) || Number.isNaN(value.im)) return undefined;
  if (!allowInfinite && !(Number.isFinite(value.re) && Number.isFinite(value.im))) return undefined;
  return value;
}

/** Whether an infinite value of this LaTeX is meant rather than an overflow. */
function writesInfinity(latex: string): boolean {
  return /\infty|∞/.test(latex);
}

function complexClose(a: Complex, b: Complex): boolean {
  return numbersClose(a.re, b.re) && numbersClose(a.im, b.im);
}

/** The parsed expression, or undefined when the text is too long or not valid LaTeX. */
function parseLatex(latex: string): Expression | undefined {
  if (!latex || latex.length > MAX_LATEX_LENGTH) return undefined;
  const expr = computeEngine().parse(latex);
  return expr.isValid ? expr : undefined;
}

/** Agreement of two expressions in the same free variables at every sample point. */
function agreeAtSamples(a: Expression, b: Expression): boolean {
  const names = [...a.unknowns].sort();
  const other = [...b.unknowns].sort();
  if (names.length === 0 || names.length > 3 || names.join() !== other.join()) return false;
  return SAMPLE_POINTS.every((point, k) => {
    const sub = Object.fromEntries(names.map((name, j) => [name, point + j * 0.6180339 + k * 0.1]));
    const x = numericValue(a.subs(sub), false);
    const y = numericValue(b.subs(sub), false);
    return x !== undefined && y !== undefined && complexClose(x, y);
  });
}

/** The numeric value of LaTeX text, or undefined when it is not a constant number. Never throws. */
export function latexNumber(latex: string): Complex | undefined {
  return limited(() => {
    const expr = parseLatex(latex);
    return expr && numericValue(expr, writesInfinity(latex));
  });
}

/**
 * True when two LaTeX answers denote the same value: numerically close when
 * both are constants, otherwise the same expression up to rearrangement and
 * expansion, or agreeing at sample points. Never throws; unparsable input is
 * not equivalent to anything.
 */
export function latexEquivalent(a: string, b: string): boolean {
  const equivalent = limited(() => {
    const x = parseLatex(a);
    const y = parseLatex(b);
    if (!x || !y) return false;
    const nx = numericValue(x, writesInfinity(a));
    const ny = numericValue(y, writesInfinity(b));
    if (nx && ny) return complexClose(nx, ny);
    if (nx || ny) return false;
    if (x.isSame(y)) return true;
    // A constant that is not a usable number (an overflow, a matrix) is not
    // compared by value: is() would evaluate it to the same overflow.
    if (x.unknowns.length === 0 || y.unknowns.length === 0) return false;
    return x.is(y) || agreeAtSamples(x, y);
  });
  return equivalent ?? false;
}
