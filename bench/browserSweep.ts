/**
 * Sweep throughput in the browser's engine worker (headless Chromium, WASM,
 * one thread): baseline + every single head of the bundled model over
 * held-out synthetic problems, generate mode, batched per-row head masks,
 * as the app's Sweep panel runs it. Also counts the page's long tasks
 * (over 50 ms) while the worker sweeps: the main thread should have none.
 * usage: npm run build && npx tsx bench/browserSweep.ts [--problems 8] [--batch 64]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { HELD_OUT_SEED } from '../src/engine/problems/splits';
import type { SweepFile } from '../src/engine/sweep/sweepSchema';
import { benchSweepFile } from './benchSweepFile';
import { withAppInBrowser } from './appInBrowser';
import { machineDescription, report } from './benchTable';

const { values } = parseArgs({ options: { problems: { type: 'string', default: '8' }, batch: { type: 'string', default: '64' } } });
const count = Number(values.problems);
const batch = Number(values.batch);

const result = await withAppInBrowser(4321, async (page) => {
  const fingerprint = await page.evaluate(() => (window as unknown as { headlabBench: { fingerprint(): string } }).headlabBench.fingerprint());
  const file = benchSweepFile({ fingerprint, mode: 'generate', seed: HELD_OUT_SEED, count });
  type Hook = { headlabBench: { sweep(f: SweepFile, b: number): Promise<{ seconds: number; cells: number }> }; longTasks: number[] };
  await page.evaluate(() => {
    const w = window as unknown as Hook;
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
  });
  const swept = await page.evaluate(([f, b]) => (window as unknown as Hook).headlabBench.sweep(f, b), [file, batch] as const);
  return { ...swept, longTasks: await page.evaluate(() => (window as unknown as Hook).longTasks) };
});

report({
  name: 'browser-sweep',
  command: `npm run build && npx tsx bench/browserSweep.ts --problems ${count} --batch ${batch}`,
  machine: `${machineDescription()}, headless Chromium, WASM`,
  date: new Date().toISOString(),
  rows: [{
    cells: result.cells, 'rows per run': batch, seconds: result.seconds.toFixed(2), 'cells/s': (result.cells / result.seconds).toFixed(1),
    'long tasks over 50 ms': result.longTasks.filter((d) => d > 50).length, 'load average': loadavg()[0].toFixed(1),
  }],
  notes: ['49 configurations (baseline + 48 heads), greedy, up to 64 new tokens, in the engine worker'],
});
