/**
 * WASM threads in the app's engine worker (headless Chromium), 2 against 1,
 * in alternating page loads of one browser (a worker reads its thread count
 * once, so each count is a fresh page with ?threads=N): the bundled model's
 * sweep (baseline + 48 heads over held-out problems) draft-verified (the
 * app's default) and plain, the bundled model answering one question, and,
 * with --standin, a real-size stand-in answering one (tokens/s as the
 * Solve panel reports it). Each figure is the best of --rounds; the ratio
 * is 2 threads' speed over 1 thread's. The verified sweeps' cells at 1 and
 * 2 threads are compared: a sweep resumed at another count must agree.
 * usage: npm run build && npx tsx bench/browserThreads.ts [--problems 20] [--rounds 2] [--standin .cache/standins/qwen2.5-0.5b:fp32]
 */
import { loadavg } from 'node:os';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import type { ModelDtype } from '../src/engine/model/modelFiles';
import { HELD_OUT_SEED } from '../src/engine/problems/splits';
import type { SweepFile } from '../src/engine/sweep/sweepSchema';
import type { DecodeMode } from '../src/engine/verify/greedyDecoding';
import { benchSweepFile } from './benchSweepFile';
import { differingCells } from './cellDifferences';
import { withAppInBrowser } from './appInBrowser';
import { machineDescription, report } from './benchTable';
import { publishStandin } from './publishStandin';

const { values } = parseArgs({ options: { problems: { type: 'string', default: '20' }, rounds: { type: 'string', default: '2' }, standin: { type: 'string' } } });
const count = Number(values.problems);
const rounds = Number(values.rounds);
const standin = values.standin?.split(':') as [string, ModelDtype] | undefined;
const standinId = standin && `standin-${basename(standin[0])}-${standin[1]}`;
if (standin) publishStandin(standin[0], standin[1], standinId!, 'dist');

/** A held-out-style question the bundled model answers at length (a chain of steps, not one token). */
const BUNDLED_QUESTION = 'Tom has 17 apples. He buys 8 more and gives 5 away. How many apples does Tom have now?';

type Hook = { headlabBench: { fingerprint(): string; sweep(f: SweepFile, b: number, d: DecodeMode): Promise<{ seconds: number; cells: number; file: SweepFile }> } };

async function open(page: Page, model: string, threads: number): Promise<string> {
  await page.goto(`${new URL(page.url()).origin}/?bench&backend=wasm&model=${model}&threads=${threads}`);
  await page.getByTestId('model-name').filter({ hasText: model }).waitFor({ timeout: 20 * 60_000 });
  return (await page.getByTestId('threads').textContent()) ?? '';
}

/** A rate, what the model panel said of the threads, and the sweep it came from (sweeps only). */
type Measured = { rate: number; said: string; file?: SweepFile };

/** Cells per second of the bundled model's sweep, decoded as `decode` says. */
const sweepRate = (decode: DecodeMode) => async (page: Page, threads: number): Promise<Measured> => {
  const said = await open(page, 'headlab-math-6x8', threads);
  const fingerprint = await page.evaluate(() => (window as unknown as Hook).headlabBench.fingerprint());
  const file = benchSweepFile({ fingerprint, mode: 'generate', seed: HELD_OUT_SEED, count });
  // Warm-up: a fresh page's first verified sweep also opens the layer-skip sessions.
  await page.evaluate(([f, d]) => (window as unknown as Hook).headlabBench.sweep(f, 16, d), [{ ...file, problems: file.problems.slice(0, 1) }, decode] as const);
  const run = await page.evaluate(([f, d]) => (window as unknown as Hook).headlabBench.sweep(f, 16, d), [file, decode] as const);
  return { rate: run.cells / run.seconds, said, file: run.file };
};

/** Tokens per second of one answer of `model` to `question`. */
const answerRate = (model: string, question: string) => async (page: Page, threads: number): Promise<Measured> => {
  const said = await open(page, model, threads);
  await page.getByRole('textbox', { name: 'Question', exact: true }).fill(question);
  await page.getByRole('button', { name: 'Solve' }).click();
  await page.getByTestId('final-answer').waitFor({ timeout: 20 * 60_000 });
  const status = (await page.getByTestId('answer-status').textContent()) ?? '';
  return { rate: Number(/([\d.]+) tokens\/s/.exec(status)?.[1] ?? NaN), said };
};

const load = [loadavg()[0]];
const results = await withAppInBrowser(4323, async (page) => {
  const measure = async (fn: (p: Page, t: number) => Promise<Measured>) => {
    const best: Record<number, Measured> = {};
    for (let r = 0; r < rounds; r++) {
      for (const threads of [1, 2]) {
        const m = await fn(page, threads);
        if (!best[threads] || m.rate > best[threads].rate) best[threads] = m;
      }
    }
    return best;
  };
  return {
    verified: await measure(sweepRate('verified')),
    plain: await measure(sweepRate('plain')),
    answer: await measure(answerRate('headlab-math-6x8', BUNDLED_QUESTION)),
    standin: standin ? await measure(answerRate(standinId!, 'What is 2 plus 3?')) : undefined,
  };
});
load.push(loadavg()[0]);

const differ = differingCells(results.verified[2].file!, results.verified[1].file!);
const row = (model: string, unit: string, best: Record<number, Measured>) => ({
  model, unit, '1 thread': best[1].rate.toFixed(1), '2 threads': best[2].rate.toFixed(1), '2 vs 1': `${(best[2].rate / best[1].rate).toFixed(2)}x`, 'panel said (2)': best[2].said,
});
report({
  name: 'browser-threads',
  command: `npm run build && npx tsx bench/browserThreads.ts --problems ${count} --rounds ${rounds}${values.standin ? ` --standin ${values.standin}` : ''}`,
  machine: `${machineDescription()}, headless Chromium, WASM`,
  date: new Date().toISOString(),
  rows: [
    row('headlab-math-6x8 sweep, verified (default)', 'cells/s', results.verified),
    row('headlab-math-6x8 sweep, plain', 'cells/s', results.plain),
    row('headlab-math-6x8 answer', 'tokens/s', results.answer),
    ...(results.standin ? [row(`${basename(standin![0])} ${standin![1]} answer`, 'tokens/s', results.standin)] : []),
  ],
  notes: [
    `best of ${rounds} alternating page loads per count; load average ${load.map((l) => l.toFixed(2)).join(' -> ')}`,
    `verified sweep cells that differ between 1 and 2 threads (predicted, correct or tokens): ${differ.length} of ${results.verified[1].file!.cells.length}${differ.length ? `: ${differ.slice(0, 10).join(', ')}` : ''}`,
  ],
});
