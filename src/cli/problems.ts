/**
 * `npm run problems -- --seed S --count N [--level L] [--gen synthetic|mix]`:
 * prints generated problems as GSM8K JSONL ({"question","answer"}) on stdout.
 * The default generator is synthetic, so older commands print what they did.
 */
import { parseArgs } from 'node:util';
import { GENERATOR_NAMES, GENERATORS, type GeneratorName } from '../engine/problems/generators';

function fail(message: string): never {
  process.stderr.write(`problems: ${message}\nusage: npm run problems -- --seed S --count N [--level 1|2|3|4 (mix: 1|2|3)] [--gen ${GENERATOR_NAMES.join('|')}]\n`);
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
    options: { seed: { type: 'string' }, count: { type: 'string' }, level: { type: 'string' }, gen: { type: 'string' } },
  }));
} catch (err) {
  fail((err as Error).message);
}

const gen = (values.gen ?? 'synthetic') as GeneratorName;
if (!GENERATOR_NAMES.includes(gen)) fail(`--gen must be ${GENERATOR_NAMES.join(' or ')}, got "${values.gen}"`);
const { levels, problems } = GENERATORS[gen];
const seed = intOption(values.seed, 'seed');
const count = intOption(values.count, 'count');
let level: number | undefined;
if (values.level !== undefined) {
  level = Number(values.level);
  if (!levels.includes(level)) fail(`--level must be ${levels.slice(0, -1).join(', ')} or ${levels.at(-1)}, got "${values.level}"`);
}

const out = problems({ seed, count, level })
  .map((p) => JSON.stringify({ question: p.question, answer: p.solution }))
  .join('\n');
process.stdout.write(out + (out ? '\n' : ''));
