import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { syntheticProblems } from '../engine/problems/synthetic';
import { mixProblems } from '../engine/problems/mix/mixProblems';

const root = fileURLToPath(new URL('../..', import.meta.url));

function problemsCli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/problems.ts', ...args], { cwd: root, encoding: 'utf8' });
}

describe('npm run problems', () => {
  it('prints GSM8K JSONL for a seed, count and level', () => {
    const run = problemsCli('--seed', '4', '--count', '3', '--level', '2');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const expected = syntheticProblems({ seed: 4, count: 3, level: 2 }).map(({ question, answer }) => ({ question, answer }));
    expect(lines).toEqual(expected);
    for (const l of lines) expect(l.answer).toMatch(/\n#### \d+$/);
  });

  it('prints mixed-family problems with --gen mix, as GSM8K JSONL without their shortcuts', () => {
    const run = problemsCli('--gen', 'mix', '--seed', '4', '--count', '3', '--level', '3');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual(mixProblems({ seed: 4, count: 3, level: 3 }).map(({ question, answer }) => ({ question, answer })));
  });

  it('exits 2 with a clear message on bad arguments', () => {
    const run = problemsCli('--seed', '4', '--count', 'many');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--count must be a non-negative integer, got "many"');
    expect(problemsCli('--count', '3').stderr).toContain('--seed is required');
    expect(problemsCli('--seed', '1', '--count', '1', '--level', '9').stderr).toContain('--level must be 1, 2, 3 or 4');
    expect(problemsCli('--gen', 'mix', '--seed', '1', '--count', '1', '--level', '4').stderr).toContain('--level must be 1, 2 or 3, got "4"');
    expect(problemsCli('--gen', 'gsm', '--seed', '1', '--count', '1').stderr).toContain('--gen must be synthetic or mix, got "gsm"');
  });
});
