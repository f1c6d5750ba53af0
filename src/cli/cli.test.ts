/**
 * The headless CLI end to end, as a user runs it: real bundled model,
 * onnxruntime-node, JSON on stdout, clear errors and exit codes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PINNED_ANSWERS } from '../engine/model/bundledModelPins';
import { syntheticProblem } from '../engine/problems/synthetic';
import { HELD_OUT_SEED } from '../engine/problems/splits';
import { validateSweepFile } from '../engine/sweep/validateSweep';

const root = fileURLToPath(new URL('../..', import.meta.url));
const MODEL = 'public/models/headlab-math-6x8';
const dir = mkdtempSync(join(tmpdir(), 'headlab-cli-'));

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8' });
}

describe('npm run cli', () => {
  it('generate --json gives the pinned greedy answer, and --prune changes the run', () => {
    const question = syntheticProblem(HELD_OUT_SEED, 0).question;
    const plain = cli('generate', '--model', MODEL, '--prompt', question, '--json');
    expect(plain.status).toBe(0);
    const { text, tokens } = JSON.parse(plain.stdout);
    expect(text).toBe(PINNED_ANSWERS[0]);
    expect(tokens.length).toBeGreaterThan(5);
    const pruned = cli('generate', '--model', MODEL, '--prompt', question, '--prune', '0.2', '--json');
    expect(pruned.status).toBe(0);
    expect(JSON.parse(pruned.stdout).text).not.toBe(text);
  });

  it('eval --json reports accuracy and per-problem results', () => {
    const run = cli('eval', '--model', MODEL, '--problems', 'synthetic:8:7', '--json');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.n).toBe(8);
    expect(report.results).toHaveLength(8);
    expect(report.results[0]).toEqual({ id: 'syn-7-0', predicted: '30', reference: '45', correct: false });
    const correct = report.results.filter((r: { correct: boolean }) => r.correct).length;
    expect(report.accuracy).toBe(correct / 8);
  });

  it('eval reads a GSM8K JSONL file, reporting malformed lines by number and loading the rest', () => {
    const file = join(dir, 'mixed.jsonl');
    const good = (i: number) => JSON.stringify({ question: syntheticProblem(HELD_OUT_SEED, i).question, answer: syntheticProblem(HELD_OUT_SEED, i).answer });
    const long = JSON.stringify({ question: 'Mia has 3 apples. '.repeat(60), answer: 'She has 3.\n#### 3' });
    writeFileSync(file, [good(1), '{"question": "broken', good(2), JSON.stringify({ question: 'No final line', answer: '3' }), long].join('\n'));
    const run = cli('eval', '--model', MODEL, '--problems', file, '--json');
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('mixed.jsonl:2: invalid JSON');
    expect(run.stderr).toMatch(/mixed\.jsonl:4: .*####/);
    // The over-long question is skipped and named; the rest run.
    expect(run.stderr).toMatch(/1 of 3 skipped: longer than the model's 256-token context with room for 64 new tokens: gsm8k-5 \(\d+ tokens\)\./);
    const report = JSON.parse(run.stdout);
    expect(report.results.map((r: { id: string }) => r.id)).toEqual(['gsm8k-1', 'gsm8k-3']);
  });

  it('sweep shards merge into the unsharded sweep, and a rerun resumes', () => {
    const args = ['--model', MODEL, '--problems', 'synthetic:3:7', '--mode', 'logprob', '--heads', '0.1,4.2,5.7'];
    const whole = join(dir, 'whole.json');
    expect(cli('sweep', ...args, '--out', whole).status).toBe(0);
    for (const i of [0, 1]) expect(cli('sweep', ...args, '--shard', `${i}/2`, '--out', join(dir, `s${i}.json`)).status).toBe(0);
    const merged = join(dir, 'merged.json');
    expect(cli('merge', join(dir, 's0.json'), join(dir, 's1.json'), '--out', merged).status).toBe(0);
    const a = validateSweepFile(JSON.parse(readFileSync(whole, 'utf8')));
    const b = validateSweepFile(JSON.parse(readFileSync(merged, 'utf8')));
    expect(a.cells).toHaveLength(4 * 3);
    expect(b.cells.map((c) => [c.config, c.problem])).toEqual(a.cells.map((c) => [c.config, c.problem]).sort((x, y) => x[0] - y[0] || x[1] - y[1]));
    b.cells.forEach((c) => expect(c.logprob).toBeCloseTo(a.cells.find((d) => d.config === c.config && d.problem === c.problem)!.logprob!, 4));

    // Shards of another split, a folder, and a hand-edited file with a cell twice are refused, naming the fault.
    const other = join(dir, 's1of3.json');
    writeFileSync(other, '\uFEFF' + JSON.stringify({ ...validateSweepFile(JSON.parse(readFileSync(join(dir, 's1.json'), 'utf8'))), shard: { index: 1, count: 3 } }));
    const mixed = cli('merge', join(dir, 's0.json'), other, '--out', join(dir, 'mixed.json'));
    expect(mixed.status).not.toBe(0);
    expect(mixed.stderr).toContain('file 2 is shard 1/3, file 1 is one of 2: they are different splits');
    expect(cli('merge', dir, '--out', join(dir, 'folder.json')).stderr).toContain(`sweep file ${dir}: is a folder, not a file`);
    const twice = join(dir, 'twice.json');
    writeFileSync(twice, JSON.stringify({ ...a, cells: [...a.cells.slice(0, 3), { ...a.cells[0], logprob: -1 }] }));
    const refused = cli('sweep', ...args, '--out', twice);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('cells[3] repeats configuration 0, problem 0 (first at cells[0])');

    const partial = join(dir, 'partial.json');
    writeFileSync(partial, JSON.stringify({ ...a, cells: a.cells.slice(0, 5) }));
    const resumed = cli('sweep', ...args, '--out', partial);
    expect(resumed.stderr).toContain('resuming: 5 cells already in');
    expect(JSON.parse(readFileSync(partial, 'utf8')).cells).toHaveLength(12);
  });

  it('sweep --decode plain, groups and reread give the verified default\'s cells', () => {
    const args = ['--model', MODEL, '--problems', 'synthetic:3:7', '--heads', '0.2,2.5,5.7'];
    const runs = (['verified', 'plain', 'reread', 'groups'] as const).map((decode) => {
      const out = join(dir, `decode-${decode}.json`);
      expect(cli('sweep', ...args, ...(decode === 'verified' ? [] : ['--decode', decode]), '--out', out).status).toBe(0);
      return validateSweepFile(JSON.parse(readFileSync(out, 'utf8'))).cells.map(({ config, problem, predicted, correct, tokens }) => ({ config, problem, predicted, correct, tokens }));
    });
    expect(runs[0]).toHaveLength(4 * 3);
    expect(runs[0]).toEqual(runs[1]);
    expect(runs[0]).toEqual(runs[2]);
    expect(runs[0]).toEqual(runs[3]);
  });

  it('exits 2 with a clear message on bad arguments', () => {
    const cases: [string[], string][] = [
      [['frobnicate'], 'unknown command "frobnicate"'],
      [['generate', '--prompt', 'x'], '--model is required'],
      [['generate', '--model', MODEL, '--prompt', 'x', '--prune', '3-5'], 'LAYER.HEAD pairs'],
      [['generate', '--model', MODEL, '--prompt', 'x', '--prune', '6.0'], 'outside this model\'s 6 layers x 8 heads'],
      [['eval', '--model', MODEL, '--problems', 'synthetic:5'], '--problems synthetic:COUNT:SEED[:LEVEL]'],
      [['sweep', '--model', MODEL, '--problems', 'synthetic:2:7', '--out', join(dir, 'x.json'), '--shard', '2/2'], '--shard takes i/n'],
      [['sweep', '--model', MODEL, '--problems', 'synthetic:2:7', '--out', join(dir, 'x.json'), '--decode', 'fast'], '--decode must be verified, groups, reread or plain, got "fast"'],
      [['merge', '--out', join(dir, 'm.json'), join(dir, 'missing.json')], 'missing.json: no such file'],
      [['eval', '--model', MODEL, '--problems', 'synthetic:2:7', '--max-new-tokens', '99999999'], "--max-new-tokens 99999999 leaves no room for a question in the model's 256-token context: use at most 255"],
      [['sprint', 'train', '--model', MODEL, '--sweep', join(dir, 'any.json'), '--out', join(dir, 'nowhere', 's.json')], `the folder ${join(dir, 'nowhere')} does not exist`],
      [['sweep', '--model', MODEL, '--problems', 'synthetic:2:7', '--out', dir], `--out ${dir} is a folder: name a file in it`],
    ];
    for (const [args, message] of cases) {
      const run = cli(...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
    }
  });

  it('exits 1 naming the file when the model is broken', () => {
    const run = cli('generate', '--model', join(dir), '--prompt', 'x');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Model file config.json: not found');
  });
});
