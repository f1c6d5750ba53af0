/** `--problems`: `synthetic:COUNT:SEED[:LEVEL]`, `hub:gsm8k|math500:COUNT[:OFFSET]` (Hugging Face datasets server) or a GSM8K / MATH500 JSONL file. */
import { readFile } from 'node:fs/promises';
import { problemFromSynthetic, type Problem } from '../engine/problems/problem';
import { parseProblemsJsonl } from '../engine/problems/problemsJsonl';
import { syntheticProblems, type Level } from '../engine/problems/synthetic';
import { UsageError } from './args';
import { fetchHubDataset, type HubDatasetName } from '../engine/problems/hubDatasets';

/** Loads the problems; malformed file lines are reported on `warn` with their line numbers and skipped. */
export async function loadProblemsArg(spec: string, warn: (text: string) => void): Promise<Problem[]> {
  if (spec.startsWith('hub:')) {
    const m = spec.match(/^hub:(gsm8k|math500):(\d+)(?::(\d+))?$/);
    if (!m) throw new UsageError(`--problems hub:gsm8k|math500:COUNT[:OFFSET], got "${spec}"`);
    const { problems, errors } = await fetchHubDataset(m[1] as HubDatasetName, { count: Number(m[2]), offset: Number(m[3] ?? 0) });
    for (const e of errors) warn(`${spec} row ${e.line}: ${e.message} (skipped)\n`);
    return problems;
  }
  if (spec.startsWith('synthetic')) {
    const m = spec.match(/^synthetic:(\d+):(\d+)(?::([1-4]))?$/);
    if (!m) throw new UsageError(`--problems synthetic:COUNT:SEED[:LEVEL] with LEVEL 1 to 4, got "${spec}"`);
    const level = m[3] ? (Number(m[3]) as Level) : undefined;
    return syntheticProblems({ count: Number(m[1]), seed: Number(m[2]), level }).map(problemFromSynthetic);
  }
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
