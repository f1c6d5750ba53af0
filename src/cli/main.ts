/**
 * Headless HeadLab: `npm run cli -- <command> [options]`.
 *   generate --model DIR --prompt TEXT [--max-new-tokens N] [--json]
 *   eval --model DIR --problems synthetic:COUNT:SEED[:LEVEL] [--batch N] [--json]
 * Progress goes to stderr; results to stdout.
 */
import { parseArgs } from 'node:util';
import { loadNodeModel } from '../node/loadNodeModel';
import { solveQuestions } from '../engine/model/solve';
import { evaluateProblems, parseProblemSpec } from './evaluate';

const USAGE = `usage: npm run cli -- generate --model DIR --prompt TEXT [--max-new-tokens N] [--json]
       npm run cli -- eval --model DIR --problems synthetic:COUNT:SEED[:LEVEL] [--batch N] [--max-new-tokens N] [--json]`;

export class UsageError extends Error {}

function intOption(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive integer, got "${raw}"`);
  return n;
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      model: { type: 'string' },
      prompt: { type: 'string' },
      problems: { type: 'string' },
      batch: { type: 'string' },
      'max-new-tokens': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  if (command !== 'generate' && command !== 'eval') throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  if (!values.model) throw new UsageError('--model is required');
  const maxNewTokens = intOption(values['max-new-tokens'], 'max-new-tokens', 64);

  if (command === 'generate') {
    if (values.prompt === undefined) throw new UsageError('--prompt is required');
    const model = await loadNodeModel(values.model);
    const [solution] = await solveQuestions(model, [values.prompt], { maxNewTokens });
    process.stdout.write(values.json ? JSON.stringify(solution) + '\n' : solution.text + '\n');
    return;
  }
  if (!values.problems) throw new UsageError('--problems is required');
  const problems = parseProblemSpec(values.problems);
  const model = await loadNodeModel(values.model);
  const report = await evaluateProblems(model, problems, {
    maxNewTokens,
    batch: intOption(values.batch, 'batch', 32),
    onProgress: (done, total) => process.stderr.write(`\r${done}/${total} problems`),
  });
  process.stderr.write('\n');
  if (values.json) process.stdout.write(JSON.stringify(report) + '\n');
  else {
    for (const [level, acc] of Object.entries(report.byLevel)) process.stdout.write(`level ${level}: ${(100 * acc.accuracy).toFixed(1)}% of ${acc.n}\n`);
    process.stdout.write(`accuracy: ${(100 * report.accuracy).toFixed(1)}% of ${report.n}\n`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  const usage = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  process.stderr.write(`cli: ${(err as Error).message}\n${usage ? USAGE + '\n' : ''}`);
  process.exit(usage ? 2 : 1);
});
