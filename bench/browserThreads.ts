/**
 * WASM threads in the app's engine worker (headless Chromium), 2 against 1,
 * in alternating page loads of one browser (a worker reads its thread count
 * once, so each count is a fresh page with ?threads=N): the bundled model's
 * sweep (baseline + 48 heads over held-out problems, the app's default
 * decoding), and, with --standin, a real-size stand-in answering one
 * question (tokens/s as the Solve panel reports it). Each figure is the
 * best of --rounds; the ratio is 2 threads' speed over 1 thread's.
 * usage: npm run build && npx tsx bench/browserThreads.ts [--problems 20] [--rounds 2] [--standin .cache/standins/qwen2.5-0.5b:fp32]
 */
import { loadavg } from 'node:os';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import type { ModelDtype } from '../src/engine/model/modelFiles';
import { HELD_OUT_SEED } from '../src/engine/problems/splits';
import type { SweepFile } from '../src/engine/sweep/sweepSchema';
import { benchSweepFile } from './benchSweepFile';
import { withAppInBrowser } from './appInBrowser';
import { machineDescription, report } from './benchTable';
import { publishStandin } from './publishStandin';

const { values } = parseArgs({ options: { problems: { type: 'string', default: '20' }, rounds: { type: 'string', default: '2' }, standin: { type: 'string' } } });
const count = Number(values.problems);
const rounds = Number(values.rounds);
const standin = values.standin?.split(':') as [string, ModelDtype] | undefined;
const standinId = standin && `standin-${basename(standin[0])}-${standin[1]}`;
if (standin) publishStandin(standin[0], standin[1], standinId!, 'dist');

type Hook = { headlabBench: { fingerprint(): string; sweep(f: SweepFile, b: number): Promise<{ seconds: number; cells: number }> } };

async function open(page: Page, model: string, threads: number): Promise<string> {
  await page.goto(`${new URL(page.url()).origin}/?bench&backend=wasm&model=${model}&threads=${threads}`);
  await page.getByTestId('model-name').filter({ hasText: model }).waitFor({ timeout: 20 * 60_000 });
  return (await page.getByTestId('threads').textContent()) ?? '';
}

/** Cells per second of the bundled model's sweep. */
async function sweepRate(page: Page, threads: number): Promise<{ rate: number; said: string }> {
  const said = await open(page, 'headlab-math-6x8', threads);
  const fingerprint = await page.evaluate(() => (window as unknown as Hook).headlabBench.fingerprint());
  const file = benchSweepFile({ fingerprint, mode: 'generate', seed: HELD_OUT_SEED, count });
  const run = await page.evaluate(([f]) => (window as unknown as Hook).headlabBench.sweep(f, 16), [file] as const);
  return { rate: run.cells / run.seconds, said };
}

/** Tokens per second of one answer of the stand-in. */
async function answerRate(page: Page, threads: number): Promise<{ rate: number; said: string }> {
  const said = await open(page, standinId!, threads);
  await page.getByRole('textbox', { name: 'Question', exact: true }).fill('What is 2 plus 3?');
  await page.getByRole('button', { name: 'Solve' }).click();
  await page.getByTestId('final-answer').waitFor({ timeout: 20 * 60_000 });
  const status = (await page.getByTestId('answer-status').textContent()) ?? '';
  return { rate: Number(/([\d.]+) tokens\/s/.exec(status)?.[1] ?? NaN), said };
}

const load = [loadavg()[0]];
const results = await withAppInBrowser(4323, async (page) => {
  const measure = async (fn: (p: Page, t: number) => Promise<{ rate: number; said: string }>) => {
    const best: Record<number, { rate: number; said: string }> = {};
    for (let r = 0; r < rounds; r++) {
      for (const threads of [1, 2]) {
        const m = await fn(page, threads);
        if (!best[threads] || m.rate > best[threads].rate) best[threads] = m;
      }
    }
    return best;
  };
  return { bundled: await measure(sweepRate), standin: standin ? await measure(answerRate) : undefined };
});
load.push(loadavg()[0]);

const row = (model: string, unit: string, best: Record<number, { rate: number; said: string }>) => ({
  model, unit, '1 thread': best[1].rate.toFixed(1), '2 threads': best[2].rate.toFixed(1), '2 vs 1': `${(best[2].rate / best[1].rate).toFixed(2)}x`, 'panel said (2)': best[2].said,
});
report({
  name: 'browser-threads',
  command: `npm run build && npx tsx bench/browserThreads.ts --problems ${count} --rounds ${rounds}${values.standin ? ` --standin ${values.standin}` : ''}`,
  machine: `${machineDescription()}, headless Chromium, WASM`,
  date: new Date().toISOString(),
  rows: [
    row('headlab-math-6x8 sweep', 'cells/s', results.bundled),
    ...(results.standin ? [row(`${basename(standin![0])} ${standin![1]} answer`, 'tokens/s', results.standin)] : []),
  ],
  notes: [`best of ${rounds} alternating page loads per count; load average ${load.map((l) => l.toFixed(2)).join(' -> ')}`],
});
