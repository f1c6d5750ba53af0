import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { syntheticProblems } from '../engine/problems/synthetic';

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

  it('exits 2 with a clear message on bad arguments', () => {
    const run = problemsCli('--seed', '4', '--count', 'many');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--count must be a non-negative integer, got "many"');
    expect(problemsCli('--count', '3').stderr).toContain('--seed is required');
    expect(problemsCli('--seed', '1', '--count', '1', '--level', '9').stderr).toContain('--level must be 1, 2, 3 or 4');
  });
});
