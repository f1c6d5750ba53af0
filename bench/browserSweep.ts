/**
 * Sweep throughput in the browser's engine worker (headless Chromium, WASM,
 * one thread): baseline + every single head of the bundled model over
 * held-out synthetic problems, generate mode, batched per-row head masks,
 * as the app's Sweep panel runs it, decoded plainly and draft-verified in
 * alternating runs in one page (the ratio is of the fastest of each), with
 * every cell of the two compared. Also counts the page's long tasks (over
 * 50 ms) while the worker sweeps: the main thread should have none.
 * usage: npm run build && npx tsx bench/browserSweep.ts [--problems 100] [--batch 16] [--repeats 1] [--threads 1]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { HELD_OUT_SEED } from '../src/engine/problems/splits';
import type { SweepFile } from '../src/engine/sweep/sweepSchema';
import type { DecodeMode } from '../src/engine/verify/greedyDecoding';
import { benchSweepFile } from './benchSweepFile';
import { differingCells } from './cellDifferences';
import { withAppInBrowser } from './appInBrowser';
import { machineDescription, report } from './benchTable';

const { values } = parseArgs({ options: { problems: { type: 'string', default: '100' }, batch: { type: 'string', default: '16' }, repeats: { type: 'string', default: '1' }, threads: { type: 'string', default: '1' } } });
const count = Number(values.problems);
const batch = Number(values.batch);
const repeats = Number(values.repeats);
const threads = Number(values.threads);

type Run = { seconds: number; cells: number; file: SweepFile };
type Hook = { headlabBench: { sweep(f: SweepFile, b: number, d: DecodeMode): Promise<Run> }; longTasks: number[] };
const load = [loadavg()[0]];
const result = await withAppInBrowser(4321, async (page) => {
  const fingerprint = await page.evaluate(() => (window as unknown as { headlabBench: { fingerprint(): string } }).headlabBench.fingerprint());
  const file = benchSweepFile({ fingerprint, mode: 'generate', seed: HELD_OUT_SEED, count });
  await page.evaluate(() => {
    const w = window as unknown as Hook;
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
  });
  // Warm-up: the first verified sweep also opens the layer-skip sessions.
  await page.evaluate(([f, b]) => (window as unknown as Hook).headlabBench.sweep(f, b, 'verified'), [{ ...file, problems: file.problems.slice(0, 1) }, batch] as const);
  const best: Partial<Record<DecodeMode, Run>> = {};
  for (let r = 0; r < repeats; r++) {
    for (const decode of ['plain', 'verified'] as const) {
      const run = await page.evaluate(([f, b, d]) => (window as unknown as Hook).headlabBench.sweep(f, b, d), [file, batch, decode] as const);
      if (!best[decode] || run.seconds < best[decode]!.seconds) best[decode] = run;
    }
  }
  return { plain: best.plain!, verified: best.verified!, longTasks: await page.evaluate(() => (window as unknown as Hook).longTasks) };
}, undefined, { threads });
load.push(loadavg()[0]);

const differ = differingCells(result.verified.file, result.plain.file);
const row = (how: string, r: Run) => ({
  how, cells: r.cells, 'rows per batch': batch, seconds: r.seconds.toFixed(2), 'cells/s': (r.cells / r.seconds).toFixed(1), 'vs plain': (result.plain.seconds / r.seconds).toFixed(2) + 'x',
});
report({
  name: threads === 1 ? 'browser-sweep' : `browser-sweep-${threads}-threads`,
  command: `npm run build && npx tsx bench/browserSweep.ts --problems ${count} --batch ${batch} --repeats ${repeats}${threads === 1 ? '' : ` --threads ${threads}`}`,
  machine: `${machineDescription()}, headless Chromium, WASM, ${threads === 1 ? 'one thread' : `${threads} threads`}`,
  date: new Date().toISOString(),
  rows: [row('plain (decode every cell)', result.plain), row('verified (draft + one pass)', result.verified)],
  notes: [
    `49 configurations (baseline + 48 heads) x ${count} held-out problems, greedy, up to 64 new tokens, in the engine worker; fastest of ${repeats} alternating runs each`,
    `speed-up ${(result.plain.seconds / result.verified.seconds).toFixed(2)}x; load average ${load.map((l) => l.toFixed(2)).join(' -> ')}`,
    `cells that differ from the plain path (predicted, correct or tokens): ${differ.length} of ${result.plain.cells}${differ.length ? `: ${differ.slice(0, 10).join(', ')}` : ''}`,
    `long tasks over 50 ms on the page while the worker swept: ${result.longTasks.filter((d) => d > 50).length}`,
  ],
});
