/**
 * --truncate on the CLI, as a user runs it on the bundled model: keeping
 * every component changes no answer, a deep cut does, and a sweep records
 * its truncations and gets the same answers as eval with the same cut.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateSweepFile } from '../engine/sweep/validateSweep';

const root = fileURLToPath(new URL('../..', import.meta.url));
const MODEL = 'public/models/headlab-math-6x8';
const dir = mkdtempSync(join(tmpdir(), 'headlab-truncate-cli-'));

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8' });
}

describe('npm run cli -- ... --truncate', () => {
  it('eval with 3.mlp.down kept whole prints exactly the untruncated eval; keeping 1% changes answers', () => {
    const args = ['eval', '--model', MODEL, '--problems', 'synthetic:12:7', '--json'];
    const plain = cli(...args);
    const full = cli(...args, '--truncate', '3.mlp.down:1');
    expect(plain.status).toBe(0);
    expect(full.status).toBe(0);
    expect(full.stdout).toBe(plain.stdout);
    const cut = cli(...args, '--truncate', '3.mlp.down:0.01,3.mlp.up:0.01');
    expect(cut.status).toBe(0);
    const predicted = (out: string) => JSON.parse(out).results.map((r: { predicted: string }) => r.predicted);
    expect(predicted(cut.stdout)).not.toEqual(predicted(plain.stdout));
  }, 120_000);

  it('generate takes --truncate with --prune; a malformed truncation exits 2 with the form it wants', () => {
    const prompt = 'Mia has 5 apples. Mia buys 3 more apples. How many apples does Mia have now?';
    const plain = cli('generate', '--model', MODEL, '--prompt', prompt, '--prune', '1.4', '--json');
    const both = cli('generate', '--model', MODEL, '--prompt', prompt, '--prune', '1.4', '--truncate', '0.attn.v:r1', '--json');
    expect(both.status).toBe(0);
    expect(JSON.parse(both.stdout).text).not.toBe(JSON.parse(plain.stdout).text);
    const bad = cli('generate', '--model', MODEL, '--prompt', prompt, '--truncate', '3.mlp.sideways:0.5');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--truncate: truncation "3.mlp.sideways:0.5" is not LAYER.MATRIX:KEEP/);
    const late = cli('generate', '--model', MODEL, '--prompt', prompt, '--truncate', '9.mlp.up:0.5');
    expect(late.status).toBe(1);
    // Said of --truncate, not of the model file (which is fine).
    expect(late.stderr).toContain('cli: --truncate: truncation 9.mlp.up:0.5: the model has layers 0..5');
    const big = cli('generate', '--model', MODEL, '--prompt', prompt, '--truncate', '1.mlp.down:r99999');
    expect(big.stderr).toContain("cli: --truncate 1.mlp.down:r99999: rank 99999 is more than the matrix's full rank 128");
    expect(big.stderr).not.toContain('Model file');
  }, 120_000);

  it('sweep --truncate-sweep records each configuration\'s truncation (version 2) and matches eval --truncate', () => {
    const out = join(dir, 'scan.json');
    const run = cli('sweep', '--model', MODEL, '--problems', 'synthetic:3:7', '--truncate-sweep', '0.05', '--matrices', 'mlp.down', '--max-new-tokens', '48', '--out', out);
    expect(run.status).toBe(0);
    const file = validateSweepFile(JSON.parse(readFileSync(out, 'utf8')));
    expect(file.version).toBe(2);
    expect(file.truncations).toEqual([[], ...[0, 1, 2, 3, 4, 5].map((l) => [`${l}.mlp.down:0.05`])]);
    expect(file.cells).toHaveLength(7 * 3);
    const config = file.truncations!.findIndex((t) => t[0] === '2.mlp.down:0.05');
    const evalRun = cli('eval', '--model', MODEL, '--problems', 'synthetic:3:7', '--truncate', '2.mlp.down:0.05', '--max-new-tokens', '48', '--json');
    const fromEval = JSON.parse(evalRun.stdout).results.map((r: { predicted: string }) => r.predicted);
    const fromSweep = file.cells.filter((c) => c.config === config).sort((a, b) => a.problem - b.problem).map((c) => c.predicted);
    expect(fromSweep).toEqual(fromEval);
    const again = cli('sweep', '--model', MODEL, '--problems', 'synthetic:3:7', '--truncate-sweep', '0.05', '--matrices', 'mlp.down', '--max-new-tokens', '48', '--out', out);
    expect(again.stderr).toContain('resuming: 21 cells');
  }, 300_000);
});
