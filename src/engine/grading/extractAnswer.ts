/**
 * Finds the final answer in a model's output or a reference solution:
 * `#### N` (GSM8K), `\boxed{...}` or `\fbox{...}` with nested braces (MATH),
 * "The (final) answer is ..." or an "Answer: ..." line. The last occurrence
 * wins, as the final line does. Kept free of the LaTeX engine so that the UI
 * thread can import it without pulling the engine into its bundle.
 */

/**
 * Contents of the last `\boxed{...}` or `\fbox{...}`, braces balanced, or
 * undefined. `\boxed 5` (no braces, as some models write it) gives the token
 * after the space.
 */
export function lastBoxed(text: string): string | undefined {
  const hits = [...text.matchAll(/\\(?:boxed|fbox)(?![a-zA-Z])/g)];
  if (!hits.length) return undefined;
  const last = hits[hits.length - 1];
  let i = last.index + last[0].length;
  while (text[i] === ' ') i++;
  if (text[i] !== '{') {
    // `\boxed 5`: the token runs to the next space, `$` or line end.
    const token = text.slice(i).match(/^[^\s$]+/);
    return i > last.index + last[0].length && token ? token[0] : undefined;
  }
  const start = ++i;
  for (let depth = 1; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(start, i).trim();
  }
  return undefined;
}

/**
 * Strips what surrounds an answer but is not part of it: `$...$`, `\(...\)`
 * and `\[...\]` wrappers, Markdown bold, and a sentence's trailing period.
 */
export function cleanAnswerText(answer: string): string {
  let s = answer.trim();
  for (let changed = true; changed; ) {
    const before = s;
    s = s.replace(/^\*\*(.*)\*\*$/s, '$1').trim();
    s = s.replace(/[.。]+$/, '').trim();
    s = s.replace(/^\$\$?([^$]+)\$?\$$/s, '$1').trim();
    s = s.replace(/^\\\((.*)\\\)$/s, '$1').replace(/^\\\[(.*)\\\]$/s, '$1').trim();
    changed = s !== before;
  }
  return s;
}

/** The text of a "the answer is" phrase up to the end of its sentence. */
function sentenceAnswer(rest: string): string {
  // A period followed by a capitalised word ends the sentence; a decimal
  // point has no space after it, so "0.5" survives.
  return cleanAnswerText(rest.split(/\.\s+(?=[A-Z])/)[0]);
}

/**
 * The final answer as written (wrappers and trailing period stripped), or
 * undefined when the text gives none. Precedence: `####`, then a boxed
 * answer, then "the (final) answer is", then an "Answer:" line.
 */
export function extractFinalAnswer(text: string): string | undefined {
  const hashes = [...text.matchAll(/####\s*([^\n]+)/g)];
  if (hashes.length) return cleanAnswerText(hashes[hashes.length - 1][1]);
  const boxed = lastBoxed(text);
  if (boxed !== undefined) return boxed;
  const said = [...text.matchAll(/\b[Tt]he (?:final )?answer is[:\s]*([^\n]+)/g)];
  if (said.length) return sentenceAnswer(said[said.length - 1][1]);
  const labelled = [...text.matchAll(/^[\s*#]*(?:[Ff]inal )?[Aa]nswer\**\s*:\**\s*([^\n]+)/gm)];
  if (labelled.length) return sentenceAnswer(labelled[labelled.length - 1][1]);
  return undefined;
}

/** A GSM8K-style number: commas, $, % and trailing units ignored; undefined if none. */
export function parseNumber(answer: string): number | undefined {
  const m = answer.replace(/,/g, '').match(/-?(?:\d+(?:\.\d+)?|\.\d+)/);
  return m ? Number(m[0]) : undefined;
}

/**
 * True when the output's final answer equals the reference's numerically
 * (first number in each). For LaTeX answers, fractions and units use
 * `gradeAnswer` from `./gradeAnswer`, which this predates.
 */
export function numericAnswersMatch(output: string, reference: string): boolean {
  const a = extractFinalAnswer(output);
  const b = extractFinalAnswer(reference) ?? reference;
  if (a === undefined) return false;
  const x = parseNumber(a);
  const y = parseNumber(b);
  return x !== undefined && y !== undefined && Math.abs(x - y) < 1e-9;
}
