/**
 * `npm run problems -- --seed S --count N [--level L]`: prints synthetic
 * problems as GSM8K JSONL ({"question","answer"}) on stdout.
 */
import { parseArgs } from 'node:util';
import { LEVELS, syntheticProblems, type Level } from '../engine/problems/synthetic';

function fail(message: string): never {
  process.stderr.write(`problems: ${message}\nusage: npm run problems -- --seed S --count N [--level 1|2|3|4]\n`);
  process.exit(2);
}

function intOption(raw: string | undefined, name: string): number {
  if (raw === undefined) fail(`--${name} is required`);
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) fail(`--${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

let values: Record<string, string | undefined>;
try {
  ({ values } = parseArgs({
    options: { seed: { type: 'string' }, count: { type: 'string' }, level: { type: 'string' } },
  }));
} catch (err) {
  fail((err as Error).message);
}

const seed = intOption(values.seed, 'seed');
const count = intOption(values.count, 'count');
let level: Level | undefined;
if (values.level !== undefined) {
  const l = Number(values.level);
  if (!LEVELS.includes(l as Level)) fail(`--level must be 1, 2, 3 or 4, got "${values.level}"`);
  level = l as Level;
}

const out = syntheticProblems({ seed, count, level })
  .map((p) => JSON.stringify({ question: p.question, answer: p.answer }))
  .join('\n');
process.stdout.write(out + (out ? '\n' : ''));
