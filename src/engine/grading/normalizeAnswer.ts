/**
 * String normalisation of a final answer before it is compared: strips the
 * LaTeX that changes how an answer looks but not what it is (`\left`,
 * spacing, `\dfrac`, `\text{}`, degrees, `$`, `%`, units after a number,
 * thousands separators), in the spirit of the MATH benchmark's
 * `strip_string` and GSM8K's number-only grading.
 */
import { cleanAnswerText } from './extractAnswer';

/** Commands whose argument is kept and the command dropped. */
const TEXT_COMMANDS = /\\(?:text|textbf|textit|textrm|textnormal|mbox|mathrm|mathbf|mathit|mathsf|mathtt|boxed|fbox)\s*\{([^{}]*)\}/g;

/** Trigonometric functions, whose degree arguments are converted, not dropped. */
const TRIG = /\\(?:sin|cos|tan|sec|csc|cot)(?![a-zA-Z])/;

/** Words after a number that are never units (they would change the value). */
const NOT_UNITS = new Set(['pi', 'e', 'i', 'sqrt', 'x', 'y', 'z', 'n', 'k']);

/** A number as a grade-school answer writes it: sign, digits, thousands commas, decimals, a fraction. */
const PLAIN_NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:\/\d+(?:\.\d+)?)?$/;

/** Replaces `\frac12`, `\frac1{b}`, `\frac{a}2` and `\sqrt2` by their braced forms. */
function braceShorthand(s: string): string {
  return s
    .replace(/\\frac\s*(\d)\s*(\d)/g, '\\frac{$1}{$2}')
    .replace(/\\frac\s*(\d)\s*\{/g, '\\frac{$1}{')
    .replace(/\\frac\s*(\{[^{}]*\})\s*(\d)/g, '\\frac$1{$2}')
    .replace(/\\sqrt\s*(\d)/g, '\\sqrt{$1}');
}

/** Drops the unit words after a leading number: "18 apples" and "5 cm^2" become "18" and "5". */
function dropUnits(s: string): string {
  const m = s.match(/^([-+]?[\d.,/]*\d)\s*([a-zA-Z][a-zA-Z\s.'-]*?)(?:\^\{?\d\}?)?$/);
  if (!m) return s;
  const firstWord = m[2].trim().split(/\s+/)[0].toLowerCase();
  if (firstWord.length < 2 || NOT_UNITS.has(firstWord)) return s;
  return m[1];
}

/** Drops a leading `x =`, `f(x) =`, `\theta =` or `x \in` naming the answer. */
export function dropVariablePrefix(s: string): string {
  return s
    .replace(/^(?:[a-zA-Z](?:_\{?\w+\}?)?|\\[a-zA-Z]+|[a-zA-Z]\([a-z]\))\s*(?:=|\\in(?![a-zA-Z]))\s*(?=\S)/, '')
    .trim();
}

/**
 * The answer with presentation-only LaTeX and units removed. Deterministic
 * and total: any input gives a string, possibly empty.
 */
export function normalizeAnswer(answer: string): string {
  let s = cleanAnswerText(answer).replace(/[\u2212\u2013]/g, '-');
  s = s.replace(/\\left\.|\\right\./g, '').replace(/\\(?:left|right|big|Big|bigg|Bigg)(?![a-zA-Z])/g, '');
  s = s.replace(/\\(?:displaystyle|textstyle)(?![a-zA-Z])/g, '');
  // `1\,000` is a thousands separator; elsewhere `\,` is only spacing.
  s = s.replace(/(\d)\\,(\d{3})(?!\d)/g, '$1$2');
  // A matrix row break `\\` is matched first so that its second backslash is not read as `\ `.
  s = s.replace(/\\\\|\\[!,;: ]|\\q?quad(?![a-zA-Z])|~/g, (m) => (m === '\\\\' ? m : ' '));
  s = s.replace(/\\[dt]frac(?![a-zA-Z])/g, '\\frac').replace(/\\dbinom(?![a-zA-Z])/g, '\\binom');
  // An angle answer in degrees is graded as its number: 90^\circ is 90 (the
  // compute engine would read it as pi/2 radians). Inside a trigonometric
  // function the degrees are kept, where the engine converts them correctly.
  if (!TRIG.test(s)) s = s.replace(/\^\s*\{\s*\\circ\s*\}|\^\s*\\circ(?![a-zA-Z])|°|\\degree(?![a-zA-Z])/g, '');
  for (let before = ''; before !== s; ) {
    before = s;
    s = s.replace(TEXT_COMMANDS, '$1');
  }
  s = s.replace(/\\%|%/g, '').replace(/\\\$|\$/g, '');
  s = s.replace(/\{,\}/g, '');
  s = s.replace(/\\mathbf|\\mathrm/g, '');
  s = braceShorthand(s);
  s = s.replace(/\s+/g, ' ').trim();
  s = cleanAnswerText(s);
  s = s.replace(/^=\s*/, '');
  s = s.replace(/\s+(?:dollars?|degrees?|percent)$/i, '');
  s = dropUnits(s);
  if (PLAIN_NUMBER.test(s) && /\d/.test(s)) s = s.replace(/,/g, '');
  return s;
}

/** True when a normalised answer is a plain number such as "-1200", ".5" or "3/4". */
export function isPlainNumber(s: string): boolean {
  return /\d/.test(s) && !/,/.test(s) && PLAIN_NUMBER.test(s);
}

/** The value of a plain number, or undefined. */
export function plainNumberValue(s: string): number | undefined {
  if (!isPlainNumber(s)) return undefined;
  const [num, den] = s.split('/');
  const value = den === undefined ? Number(num) : Number(num) / Number(den);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * True when a normalised answer reads as words, not mathematics: a run of
 * three or more plain letters ("Evelyn", "odd"), or letters only ("no").
 * The compute engine would read such text as a product of variables.
 */
export function isTextAnswer(s: string): boolean {
  const plain = s.replace(/\\[a-zA-Z]+/g, ' ');
  return /[a-zA-Z]{3,}/.test(plain) || /^[a-zA-Z\s'.-]+$/.test(s);
}

/** Text answers compare case-insensitively with spacing collapsed and a single letter choice unwrapped. */
export function textKey(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').replace(/^\(([a-z])\)$/, '$1').trim();
}

/** Mathematical answers compare with all spaces removed. */
export function mathKey(s: string): string {
  return s.replace(/\s+/g, '');
}
