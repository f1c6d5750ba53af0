/**
 * Markdown tables for docs/results.md from a `sprint eval --out` report:
 * pass@N and majority with their bootstrap intervals, then SPRINT minus
 * each baseline (paired bootstrap, McNemar at N = 1). Copying numbers by
 * hand is how docs drift from what was measured.
 *
 *   npx tsx scripts/sprintReportTable.ts training/runs/eval-300-7.json
 */
import { readFileSync } from 'node:fs';
import type { ComparisonReport } from '../src/engine/sprint/compareMethods';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8')) as ComparisonReport;
const pct = (x: number) => (100 * x).toFixed(1);
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(100 * x).toFixed(1)}`;
const ns = report.ns;
const passNs = ns.filter((n) => [1, 4, 8, 16].includes(n));
const majorityNs = passNs.filter((n) => n > 1);
const at = (m: ComparisonReport['methods'][number], n: number) => m.points[ns.indexOf(n)];

console.log(`${report.problems.length} held-out problems; 95% bootstrap intervals in brackets.\n`);
console.log(`| method | ${passNs.map((n) => `pass@${n}`).join(' | ')} | ${majorityNs.map((n) => `majority@${n}`).join(' | ')} |`);
console.log(`| --- | ${[...passNs, ...majorityNs].map(() => '---').join(' | ')} |`);
for (const m of report.methods) {
  const pass = passNs.map((n) => at(m, n).passAtN).map((e) => `${pct(e.mean)} (${pct(e.low)}–${pct(e.high)})`).join(' | ');
  const maj = majorityNs.map((n) => pct(at(m, n).majority.mean)).join(' | ');
  console.log(`| ${m.method} | ${pass} | ${maj} |`);
}
console.log(`\nSPRINT minus each baseline, pass@N in points, paired bootstrap 95% interval; McNemar's exact test at N = 1.\n`);
console.log(`| against | ${ns.map((n) => `N = ${n}`).join(' | ')} | McNemar at N = 1 |`);
console.log(`| --- | ${ns.map(() => '---').join(' | ')} | --- |`);
for (const c of report.paired) {
  const d = c.points.map((p) => `${signed(p.diff.mean)} (${signed(p.diff.low)} to ${signed(p.diff.high)})`).join(' | ');
  const m = c.mcnemarAt1;
  console.log(`| ${c.against} | ${d} | SPRINT alone right ${m.aOnly}, ${c.against} alone ${m.bOnly}, p = ${m.p.toPrecision(2)} |`);
}
