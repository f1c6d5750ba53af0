/**
 * What a generate sweep says about a model's head effects, before any
 * selector: greedy (prune nothing) accuracy, the oracle (some single head,
 * or none, right), and per problem family the best single head, how many of
 * the family's unpruned-wrong questions it fixes and what it does to the
 * other families. The design checks of issue 18 read this table.
 *
 *   npx tsx scripts/headroomReport.ts training/runs/val-sweep.json [--json OUT]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { validateSweepFile } from '../src/engine/sweep/sweepSchema';
import { noneIndex, outcomesFromSweep } from '../src/engine/sprint/outcomes';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'string' } } });
const file = validateSweepFile(JSON.parse(readFileSync(positionals[0], 'utf8')));
const table = outcomesFromSweep(file, [...file.problems.keys()]);
const { nCand, y } = table;
const none = noneIndex(nCand);
const H = file.model.numHeads;
const n = table.problems.length;
const right = (i: number, j: number) => y[i * nCand + j] >= 0.5;
const name = (j: number) => (j === none ? 'none' : `${Math.floor(j / H)}.${j % H}`);
const pct = (k: number, of: number) => (of ? (100 * k) / of : 0).toFixed(1);

let greedy = 0;
let oracle = 0;
for (let i = 0; i < n; i++) {
  if (right(i, none)) greedy++;
  if ([...Array(nCand).keys()].some((j) => right(i, j))) oracle++;
}
console.log(`${n} questions: greedy ${pct(greedy, n)}%, oracle pass@1 ${pct(oracle, n)}% (+${pct(oracle - greedy, n)} points)`);

const family = (i: number) => file.problems[table.problems[i]].family ?? '-';
const families = [...new Set(table.problems.map((_, i) => family(i)))].sort();
const rows = families.map((f) => {
  const qs = [...Array(n).keys()].filter((i) => family(i) === f);
  const rest = [...Array(n).keys()].filter((i) => family(i) !== f);
  const acc = (j: number, set: number[]) => set.filter((i) => right(i, j)).length / set.length;
  let best = none;
  for (let j = 0; j < none; j++) if (acc(j, qs) > acc(best, qs)) best = j;
  const wrong = qs.filter((i) => !right(i, none));
  const fixed = wrong.filter((i) => right(i, best)).length;
  return {
    family: f, n: qs.length, greedy: acc(none, qs), bestHead: name(best), bestAcc: acc(best, qs),
    fixes: fixed, wrong: wrong.length, elsewhere: rest.length ? acc(best, rest) - acc(none, rest) : 0,
  };
});
console.log('| family | n | greedy % | best head | with it pruned % | fixes / wrong | change on other families (points) |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(`| ${r.family} | ${r.n} | ${(100 * r.greedy).toFixed(1)} | ${r.bestHead} | ${(100 * r.bestAcc).toFixed(1)} | ${r.fixes} / ${r.wrong} | ${(100 * r.elsewhere).toFixed(1)} |`);
}
const distinctHeads = new Set(rows.filter((r) => r.bestHead !== 'none').map((r) => r.bestHead)).size;
console.log(`${distinctHeads} distinct best heads over ${rows.length} families`);
if (values.json) writeFileSync(values.json, JSON.stringify({ n, greedy: greedy / n, oracle: oracle / n, families: rows }, null, 2) + '\n');
