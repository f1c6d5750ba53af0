/**
 * The top-level structure of a normalised answer: a single value, a
 * bracketed tuple or interval, a set, a bare comma-separated list or a union
 * of intervals. Only the outermost level is read here; the parts are
 * compared recursively by `answersEquivalent`.
 */

export type AnswerShape =
  | { kind: 'scalar'; text: string }
  /** Tuples and intervals: `(3, \pi/2)`, `(1,2]`, `[0,\infty)`; order and brackets matter. */
  | { kind: 'bracketed'; open: string; close: string; items: string[] }
  /** `\{1, 2\}`: order does not matter. */
  | { kind: 'set'; items: string[] }
  /** `1, 2` or `1 or 2`: several answers. */
  | { kind: 'list'; items: string[] }
  /** `(-\infty, 2) \cup (3, \infty)`. */
  | { kind: 'union'; parts: string[] };

const OPENERS = '([{';
const CLOSERS = ')]}';

/** Splits at `separator` where no bracket of any kind is open. */
export function splitTopLevel(s: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  const sticky = new RegExp(separator.source, 'y');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (OPENERS.includes(c)) depth++;
    else if (CLOSERS.includes(c)) depth--;
    else if (depth === 0) {
      sticky.lastIndex = i;
      const m = sticky.exec(s);
      if (m && m[0].length > 0) {
        parts.push(s.slice(start, i).trim());
        start = i + m[0].length;
        i = start - 1;
      }
    }
  }
  parts.push(s.slice(start).trim());
  return parts;
}

/** True when the bracket opened at index 0 closes at the last character and not before. */
function wrapsWhole(s: string, openLength: number, closeLength: number): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (OPENERS.includes(s[i])) depth++;
    else if (CLOSERS.includes(s[i])) depth--;
    if (depth === 0 && i >= openLength - 1 && i < s.length - closeLength) return false;
  }
  return depth === 0;
}

/** The outermost structure of a normalised answer. */
export function answerShape(answer: string): AnswerShape {
  const s = answer.trim();
  const union = splitTopLevel(s, /\\cup(?![a-zA-Z])/);
  if (union.length > 1) return { kind: 'union', parts: union };

  if (s.startsWith('\\{') && s.endsWith('\\}') && wrapsWhole(s, 2, 2)) {
    const inner = s.slice(2, -2).trim();
    return { kind: 'set', items: inner ? splitTopLevel(inner, /,/) : [] };
  }

  if (s.length >= 2 && '(['.includes(s[0]) && ')]'.includes(s[s.length - 1]) && wrapsWhole(s, 1, 1)) {
    const items = splitTopLevel(s.slice(1, -1), /,/);
    // "(5)" or "(C)" is one value in parentheses, not a 1-tuple.
    if (items.length === 1 && s[0] === '(' && s.endsWith(')')) return answerShape(items[0]);
    return { kind: 'bracketed', open: s[0], close: s[s.length - 1], items };
  }

  const list = splitTopLevel(s, /,|\s+(?:or|and)\s+/);
  if (list.length > 1) return { kind: 'list', items: list };
  return { kind: 'scalar', text: s };
}
