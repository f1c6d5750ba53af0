/**
 * Whether a predicted final answer means the same as the reference one:
 * GSM8K numbers with commas, currency and units; MATH LaTeX (fractions,
 * roots, pi, intervals, tuples, sets, degrees, text). Both sides are
 * normalised as strings first, split into their top-level structure, and
 * each part is compared as text, as a plain number, or through the compute
 * engine, in that order (cheapest first).
 */
import { answerShape } from './answerShape';
import { latexEquivalent, latexNumber, numbersClose } from './latexValue';
import {
  dropVariablePrefix,
  isTextAnswer,
  mathKey,
  normalizeAnswer,
  plainNumberValue,
  textKey,
} from './normalizeAnswer';

/** Nesting deeper than this is not compared (it is no final answer, and it bounds the recursion). */
const MAX_DEPTH = 4;

/** Answers longer than this are compared as strings only. */
const MAX_ANSWER_LENGTH = 1000;

function scalarsEquivalent(a: string, b: string): boolean {
  // Parts of a list or tuple are normalised again, so that "3 cm and 4 cm"
  // loses its units part by part as a lone "3 cm" does.
  const x = dropVariablePrefix(normalizeAnswer(a));
  const y = dropVariablePrefix(normalizeAnswer(b));
  if (mathKey(x) === mathKey(y)) return true;
  if (isTextAnswer(x) || isTextAnswer(y)) return textKey(x) === textKey(y);
  const px = plainNumberValue(x);
  const py = plainNumberValue(y);
  if (px !== undefined && py !== undefined) return numbersClose(px, py);
  return latexEquivalent(x, y);
}

/** True when a list item is a number (so that a list of them may be reordered). */
function isNumeric(item: string): boolean {
  const s = dropVariablePrefix(normalizeAnswer(item));
  return plainNumberValue(s) !== undefined || (!isTextAnswer(s) && latexNumber(s) !== undefined);
}

function inOrder(a: string[], b: string[], depth: number): boolean {
  return a.length === b.length && a.every((item, i) => partsEquivalent(item, b[i], depth + 1));
}

/** Every item of `a` matches a distinct item of `b`. */
function asMultiset(a: string[], b: string[], depth: number): boolean {
  if (a.length !== b.length) return false;
  const unused = [...b];
  return a.every((item) => {
    const at = unused.findIndex((other) => partsEquivalent(item, other, depth + 1));
    if (at < 0) return false;
    unused.splice(at, 1);
    return true;
  });
}

function partsEquivalent(a: string, b: string, depth: number): boolean {
  if (depth > MAX_DEPTH) return mathKey(a) === mathKey(b);
  const x = answerShape(dropVariablePrefix(a));
  const y = answerShape(dropVariablePrefix(b));
  if (x.kind === 'scalar' && y.kind === 'scalar') return scalarsEquivalent(x.text, y.text);
  if (x.kind === 'bracketed' && y.kind === 'bracketed') {
    return x.open === y.open && x.close === y.close && inOrder(x.items, y.items, depth);
  }
  if (x.kind === 'union' && y.kind === 'union') return inOrder(x.parts, y.parts, depth);
  const xs = x.kind === 'set' || x.kind === 'list' ? x.items : undefined;
  const ys = y.kind === 'set' || y.kind === 'list' ? y.items : undefined;
  if (!xs || !ys) return false;
  // Several plain-number answers ("1, 2" or \{1,2\}) may come in any order;
  // anything else keeps its order.
  if (x.kind === 'set' && y.kind === 'set') return asMultiset(xs, ys, depth);
  if (xs.every(isNumeric) && ys.every(isNumeric)) return asMultiset(xs, ys, depth);
  return x.kind === y.kind && inOrder(xs, ys, depth);
}

/**
 * True when `predicted` and `reference` (final answers, not whole solutions)
 * are equivalent. Numbers agree to a relative 1e-6. Tuples and intervals keep
 * their order and brackets; sets, and lists of plain numbers, may be
 * reordered. Text compares case-insensitively. Degrees and percent signs are
 * dropped (90^\circ is 90, 25\% is 25). Never throws: odd input gives false.
 */
export function answersEquivalent(predicted: string, reference: string): boolean {
  try {
    if (typeof predicted !== 'string' || typeof reference !== 'string') return false;
    const a = normalizeAnswer(predicted);
    const b = normalizeAnswer(reference);
    if (!a || !b) return false;
    if (a.length > MAX_ANSWER_LENGTH || b.length > MAX_ANSWER_LENGTH) return mathKey(a) === mathKey(b);
    return partsEquivalent(a, b, 0);
  } catch {
    return false;
  }
}
