/**
 * The SPRINT pipeline at the scale of docs/results.md, in the app's engine
 * worker (headless Chromium, WASM): trains a selector on a whole CLI sweep
 * and compares the five methods on held-out problems, then sets both beside
 * the CLI's selector and evaluation report of the same data, so "the CLI and
 * the app share one engine" is a measured statement at 1,000 training
 * questions, not only at the e2e tests' sizes.
 * usage: npm run build -- --outDir dist-sprint && npx tsx scripts/sprintInBrowser.ts \
 *   --sweep training/runs/sweep-1000-11.json --selector training/runs/selector-1000-v2.json \
 *   --report training/runs/eval-v2-300-13.json --problems synthetic:300:13 --n 8 --out-dir dist-sprint [--model headlab-mix-6x8]
 * (--model: the bundled model the app opens; headlab-math-6x8 when absent)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { withAppInBrowser } from '../bench/appInBrowser';
import { loadProblemsArg } from '../src/cli/problemArgs';
import type { ComparisonReport } from '../src/engine/sprint/compareMethods';
import type { SprintSelector } from '../src/engine/sprint/selectorFormat';

const { values } = parseArgs({
  options: {
    sweep: { type: 'string' }, selector: { type: 'string' }, report: { type: 'string' }, problems: { type: 'string' },
    n: { type: 'string', default: '8' }, model: { type: 'string' }, 'out-dir': { type: 'string', default: 'dist' }, out: { type: 'string', default: 'training/runs/sprint-in-browser.json' },
  },
});
const read = (path: string | undefined) => JSON.parse(readFileSync(path!, 'utf8'));
const sweep = read(values.sweep);
const cliSelector: SprintSelector = read(values.selector);
const cliReport: ComparisonReport = read(values.report);
const problems = await loadProblemsArg(values.problems!, (t) => process.stderr.write(t));
const maxN = Number(values.n);

type Result = { selector: SprintSelector; trainSeconds: { embed: number; train: number }; compareSeconds: number; report: ComparisonReport };
const started = Date.now();
const result = await withAppInBrowser(4334, (page) =>
  page.evaluate(
    ([f, p, n]) => (window as unknown as { headlabBench: { sprintAtScale(...a: unknown[]): Promise<Result> } }).headlabBench.sprintAtScale(f, p, n),
    [sweep, problems, maxN] as const,
  ), undefined, { outDir: values['out-dir'], model: values.model });
writeFileSync(values.out!, JSON.stringify(result));

/** Largest |a - b| over two selectors' numeric parameters, walked alike. */
function maxDiff(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b);
  if (Array.isArray(a) && Array.isArray(b)) return a.reduce((m: number, x, i) => Math.max(m, maxDiff(x, b[i])), 0);
  return 0;
}
const pct = (x: number) => (100 * x).toFixed(1);
console.log(`wall ${((Date.now() - started) / 1000).toFixed(0)} s; in the worker: embedding ${result.trainSeconds.embed.toFixed(1)} s, training ${result.trainSeconds.train.toFixed(1)} s, comparison ${result.compareSeconds.toFixed(0)} s`);
console.log(`selector parameters, browser vs CLI: max |diff| ${Math.max(maxDiff(result.selector.params, cliSelector.params)).toExponential(2)}; setting ${JSON.stringify({ noneFirst: result.selector.noneFirst, betaFirst: result.selector.betaFirst, beta: result.selector.beta })} vs ${JSON.stringify({ noneFirst: cliSelector.noneFirst, betaFirst: cliSelector.betaFirst, beta: cliSelector.beta })}`);
console.log('method    N   browser pass@N   CLI pass@N');
for (const m of result.report.methods) {
  const cli = cliReport.methods.find((c) => c.method === m.method);
  for (const point of m.points.filter((x) => [1, 2, 4, 8, 16].includes(x.n))) {
    const other = cli?.points.find((x) => x.n === point.n);
    console.log(`${m.method.padEnd(9)} ${String(point.n).padStart(2)}  ${pct(point.passAtN.mean).padStart(14)}   ${other ? pct(other.passAtN.mean) : '-'}`);
  }
}
console.log('\nSPRINT minus each baseline (browser), paired bootstrap 95%:');
for (const c of result.report.paired) {
  console.log(`${c.against.padEnd(9)} ${c.points.filter((p) => [1, 4, 8].includes(p.n)).map((p) => `N=${p.n} ${pct(p.diff.mean)} (${pct(p.diff.low)} to ${pct(p.diff.high)})`).join('  ')}  McNemar p=${c.mcnemarAt1.p.toPrecision(2)}`);
}
