/**
 * `--problems`: `synthetic:COUNT:SEED[:LEVEL]`, `mix:COUNT:SEED[:LEVEL]`,
 * `hub:gsm8k|math500:COUNT[:OFFSET]` (Hugging Face datasets server) or a
 * GSM8K / MATH500 JSONL file.
 */
import { readFile } from 'node:fs/promises';
import type { Problem } from '../engine/problems/problem';
import { parseProblemsJsonl } from '../engine/problems/problemsJsonl';
import { GENERATORS, MAX_GENERATED_PROBLEMS, type GeneratorName } from '../engine/problems/generators';
import { UsageError } from './args';
import { fetchHubDataset, type HubDatasetName } from '../engine/problems/hubDatasets';

/** The `--problems` forms, for usage lines. */
export const PROBLEMS_FORMS = 'synthetic:COUNT:SEED[:LEVEL], mix:COUNT:SEED[:LEVEL], hub:gsm8k|math500:COUNT[:OFFSET] or a GSM8K / MATH500 JSONL file';

/** `NAME:COUNT:SEED[:LEVEL]` for one generator, or a usage error naming its levels. */
function generated(name: GeneratorName, spec: string): Problem[] {
  const { levels, problems } = GENERATORS[name];
  const m = spec.match(new RegExp(`^${name}:(\\d+):(\\d+)(?::(\\d))?$`));
  const level = m?.[3] === undefined ? undefined : Number(m[3]);
  if (!m || (level !== undefined && !levels.includes(level))) {
    throw new UsageError(`--problems ${name}:COUNT:SEED[:LEVEL] with LEVEL ${levels[0]} to ${levels.at(-1)}, got "${spec}"`);
  }
  const count = Number(m[1]);
  if (count < 1 || count > MAX_GENERATED_PROBLEMS) throw new UsageError(`--problems ${name}:COUNT:SEED: COUNT must be from 1 to ${MAX_GENERATED_PROBLEMS}, got ${m[1]}`);
  return problems({ count, seed: Number(m[2]), level });
}

/** Loads the problems; malformed file lines are reported on `warn` with their line numbers and skipped. */
export async function loadProblemsArg(spec: string, warn: (text: string) => void): Promise<Problem[]> {
  if (spec.startsWith('hub:')) {
    const m = spec.match(/^hub:(gsm8k|math500):(\d+)(?::(\d+))?$/);
    if (!m) throw new UsageError(`--problems hub:gsm8k|math500:COUNT[:OFFSET], got "${spec}"`);
    if (Number(m[2]) < 1 || Number(m[2]) > MAX_GENERATED_PROBLEMS) throw new UsageError(`--problems hub:${m[1]}:COUNT: COUNT must be from 1 to ${MAX_GENERATED_PROBLEMS}, got ${m[2]}`);
    const { problems, errors } = await fetchHubDataset(m[1] as HubDatasetName, { count: Number(m[2]), offset: Number(m[3] ?? 0) });
    for (const e of errors) warn(`${spec} row ${e.line}: ${e.message} (skipped)\n`);
    return problems;
  }
  // Any "synthetic..." is taken for the generator, as it always was; "mix" needs its colon, so a file "mix.jsonl" still loads.
  if (spec.startsWith('synthetic')) return generated('synthetic', spec);
  if (spec.startsWith('mix:')) return generated('mix', spec);
  let text: string;
  try {
    text = await readFile(spec, 'utf8');
  } catch (err) {
    throw new UsageError(`--problems ${spec}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  const { problems, errors } = parseProblemsJsonl(text);
  for (const e of errors) warn(`${spec}:${e.line}: ${e.message} (skipped)\n`);
  if (problems.length === 0) throw new UsageError(`--problems ${spec}: no problem could be loaded`);
  if (errors.length) warn(`${spec}: loaded ${problems.length} problems, skipped ${errors.length} lines\n`);
  return problems;
}
