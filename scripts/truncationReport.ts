/**
 * Paired comparison of eval runs on the same problems (the JSON that
 * `npm run cli -- eval ... --json` prints): each run against the first,
 * with the accuracy, the difference and its 95% paired bootstrap interval,
 * fixes/breaks, and McNemar's exact p. Prints a Markdown table.
 *   npx tsx scripts/truncationReport.ts base.json LABEL=run.json ...
 */
import { readFileSync } from 'node:fs';
import { mcnemar, pairedBootstrap } from '../src/engine/sprint/pairedStats';

interface EvalJson { accuracy: number; n: number; results: { id: string; correct: boolean }[] }

const read = (path: string): EvalJson => JSON.parse(readFileSync(path, 'utf8')) as EvalJson;
const [basePath, ...runs] = process.argv.slice(2);
if (!basePath) throw new Error('usage: npx tsx scripts/truncationReport.ts base.json LABEL=run.json ...');
const base = read(basePath);
const pct = (x: number) => `${(100 * x).toFixed(1)}`;
console.log(`| run | accuracy (n = ${base.n}) | minus baseline, points [95% paired bootstrap] | fixed / broken | McNemar p |`);
console.log('| --- | --- | --- | --- | --- |');
console.log(`| baseline | ${pct(base.accuracy)}% | | | |`);
for (const arg of runs) {
  const [label, path] = arg.includes('=') ? arg.split('=') : [arg, arg];
  const run = read(path);
  if (run.results.map((r) => r.id).join() !== base.results.map((r) => r.id).join()) throw new Error(`${path} ran other problems than ${basePath}`);
  const a = run.results.map((r) => r.correct);
  const b = base.results.map((r) => r.correct);
  const diff = pairedBootstrap(a, b);
  const m = mcnemar(a, b);
  console.log(`| ${label} | ${pct(run.accuracy)}% | ${pct(diff.mean)} [${pct(diff.low)}, ${pct(diff.high)}] | ${m.aOnly} / ${m.bOnly} | ${m.p.toPrecision(2)} |`);
}
