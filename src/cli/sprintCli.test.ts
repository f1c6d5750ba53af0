/**
 * `npm run cli -- sprint train|eval` end to end on the bundled model: the
 * selector file the CLI writes is the one the engine trains in process from
 * the same sweep and seed, the eval JSON holds every method's curves, and
 * bad selector files fail with the reason.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../node/loadNodeModel';
import { headMaskTransform } from '../engine/onnx/addHeadMask';
import { validateSweepFile } from '../engine/sweep/validateSweep';
import { trainSprint } from '../engine/sprint/sprintSelector';
import { parseSelector } from '../engine/sprint/selectorFile';
import { DEFAULT_TRAIN } from '../engine/sprint/trainSelector';

const root = fileURLToPath(new URL('../..', import.meta.url));
const MODEL = 'public/models/headlab-math-6x8';
const dir = mkdtempSync(join(tmpdir(), 'headlab-sprint-cli-'));
const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8' });

describe('npm run cli -- sprint', () => {
  const sweep = join(dir, 'sweep.json');
  const selector = join(dir, 'selector.json');

  it('train writes the selector the engine trains from the same sweep and seed', async () => {
    expect(cli('sweep', '--model', MODEL, '--problems', 'synthetic:10:500', '--mode', 'logprob', '--out', sweep).status).toBe(0);
    const run = cli('sprint', 'train', '--model', MODEL, '--sweep', sweep, '--out', selector, '--epochs', '15', '--seed', '3', '--temperature', '0.2', '--k', '16');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('trained on 8 questions; 2 held out');
    const written = parseSelector(JSON.parse(readFileSync(selector, 'utf8')));

    const model = await loadNodeModel(BUNDLED_MODEL_DIR, { transform: headMaskTransform({ hiddenStateOutput: true }) });
    const file = validateSweepFile(JSON.parse(readFileSync(sweep, 'utf8')));
    const here = await trainSprint(model, file, [...Array(8).keys()], { ...DEFAULT_TRAIN, epochs: 15, seed: 3, temperature: 0.2, k: 16 });
    expect(written.temperature).toBe(0.2);
    expect(written.shape.k).toBe(16);
    expect(written.params).toEqual(here.params);
    expect(written.trainIds).toEqual(here.trainIds);
    // The file says what it was trained on: the generator and seed read from the problem ids.
    expect(run.stderr).toContain('problems: synthetic generator, seed 500;');
    expect(written.trainedOn).toEqual({ count: 8, problems: 'synthetic generator, seed 500' });
  }, 120_000);

  it('eval --json gives pass@N and majority with intervals for the five methods, and SPRINT paired against each baseline', () => {
    const run = cli('sprint', 'eval', '--model', MODEL, '--selector', selector, '--problems', 'synthetic:2:7', '--n', '2', '--json');
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.ns).toEqual([1, 2]);
    expect(report.problems).toBe(2);
    expect(report.methods.map((m: { method: string }) => m.method)).toEqual(['greedy', 'sampling', 'random', 'fixed', 'sprint']);
    expect(report.paired.map((c: { against: string }) => c.against)).toEqual(['greedy', 'sampling', 'random', 'fixed']);
    for (const c of report.paired) {
      expect(c.points.map((p: { n: number }) => p.n)).toEqual([1, 2]);
      for (const p of c.points) expect(p.diff.low <= p.diff.mean && p.diff.mean <= p.diff.high).toBe(true);
      expect(c.mcnemarAt1.p).toBeGreaterThan(0);
      expect(c.mcnemarAt1.p).toBeLessThanOrEqual(1);
    }
    for (const m of report.methods) {
      for (const p of m.points) {
        for (const e of [p.passAtN, p.majority]) expect(e.low <= e.mean && e.mean <= e.high).toBe(true);
      }
    }
  }, 120_000);

  it('refuses a bad encoder, a foreign selector and a file that is not a selector', () => {
    const bad = cli('sprint', 'train', '--model', MODEL, '--sweep', sweep, '--out', selector, '--encoder', 'bert');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--encoder must be mean-final-hidden or minilm, got "bert"');

    const cold = cli('sprint', 'train', '--model', MODEL, '--sweep', sweep, '--out', selector, '--temperature', '0');
    expect(cold.status).toBe(2);
    expect(cold.stderr).toContain('--temperature must be a positive number, got "0"');

    const foreign = join(dir, 'foreign.json');
    const s = JSON.parse(readFileSync(selector, 'utf8'));
    writeFileSync(foreign, JSON.stringify({ ...s, model: { ...s.model, fingerprint: 'elsewhere' } }));
    const other = cli('sprint', 'eval', '--model', MODEL, '--selector', foreign, '--problems', 'synthetic:1:7', '--n', '1');
    expect(other.status).toBe(1);
    expect(other.stderr).toContain('This selector was trained on a different model file');

    const notOne = cli('sprint', 'eval', '--model', MODEL, '--selector', sweep, '--problems', 'synthetic:1:7');
    expect(notOne.status).toBe(1);
    expect(notOne.stderr).toContain('is not a HeadLab SPRINT selector');
  }, 120_000);
});
