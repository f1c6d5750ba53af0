/**
 * Per problem family, from a `sprint eval` report: which pick SPRINT tries
 * first (the most common first pick and how often it is chosen), how often
 * SPRINT's first answer is right, and how often that most common pick's
 * answer is right where it was tried. Reads the report's per-problem picks
 * and attempts; nothing is re-run.
 *
 *   npx tsx scripts/familyPicks.ts training/runs/mix-eval-300-29.json
 */
import { readFileSync } from 'node:fs';

type Head = [number, number] | null;
const report = JSON.parse(readFileSync(process.argv[2], 'utf8')) as {
  families?: (string | undefined)[];
  picks: { sprint: Head[][] };
  attempts: { sprint: { correct: boolean }[][]; greedy: { correct: boolean }[][] };
};
if (!report.families) throw new Error('the report has no problem families (a mix problem set has them)');
const name = (h: Head) => (h ? `${h[0]}.${h[1]}` : 'nothing');
const pct = (k: number, n: number) => `${((100 * k) / n).toFixed(1)}%`;

console.log('| family | n | greedy right | SPRINT first pick (share of questions) | SPRINT pass@1 | that pick right where tried |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const family of [...new Set(report.families)].sort()) {
  const qs = report.families.flatMap((f, i) => (f === family ? [i] : []));
  const counts = new Map<string, number>();
  for (const i of qs) counts.set(name(report.picks.sprint[i][0]), (counts.get(name(report.picks.sprint[i][0])) ?? 0) + 1);
  const [top, topN] = [...counts].sort((a, b) => b[1] - a[1])[0];
  const tried = qs.filter((i) => name(report.picks.sprint[i][0]) === top);
  const right = (i: number) => report.attempts.sprint[i][0].correct;
  console.log(`| ${family} | ${qs.length} | ${pct(qs.filter((i) => report.attempts.greedy[i][0].correct).length, qs.length)} | ${top} (${pct(topN, qs.length)}) | ${pct(qs.filter(right).length, qs.length)} | ${pct(tried.filter(right).length, tried.length)} |`);
}
