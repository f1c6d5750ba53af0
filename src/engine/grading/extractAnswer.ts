/**
 * Finds the final answer in a model's output or a reference solution:
 * `#### N` (GSM8K), `\boxed{...}` with nested braces (MATH), or
 * "The answer is ...". The last occurrence wins, as the final line does.
 */

/** Contents of the last \boxed{...}, braces balanced, or undefined. */
export function lastBoxed(text: string): string | undefined {
  const at = text.lastIndexOf('\\boxed');
  if (at < 0) return undefined;
  let i = text.indexOf('{', at);
  if (i < 0) return undefined;
  const start = ++i;
  for (let depth = 1; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(start, i).trim();
  }
  return undefined;
}

/** The final answer as written, or undefined when the text gives none. */
export function extractFinalAnswer(text: string): string | undefined {
  const hashes = [...text.matchAll(/####\s*([^\n]+)/g)];
  if (hashes.length) return hashes[hashes.length - 1][1].trim();
  const boxed = lastBoxed(text);
  if (boxed !== undefined) return boxed;
  const said = [...text.matchAll(/[Tt]he (?:final )?answer is[:\s]*([^\n]+)/g)];
  if (said.length) return said[said.length - 1][1].trim().replace(/\.$/, '');
  return undefined;
}

/** A GSM8K-style number: commas, $, % and trailing units ignored; undefined if none. */
export function parseNumber(answer: string): number | undefined {
  const m = answer.replace(/,/g, '').match(/-?\d+(?:\.\d+)?/);
  return m ? Number(m[0]) : undefined;
}

/** True when the output's final answer equals the reference's numerically. */
export function numericAnswersMatch(output: string, reference: string): boolean {
  const a = extractFinalAnswer(output);
  const b = extractFinalAnswer(reference) ?? reference;
  if (a === undefined) return false;
  const x = parseNumber(a);
  const y = parseNumber(b);
  return x !== undefined && y !== undefined && Math.abs(x - y) < 1e-9;
}
