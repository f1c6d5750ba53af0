/**
 * SPRINT end to end in the app's engine worker (headless Chromium, WASM, one
 * thread unless --threads), at the sizes the SPRINT panel proposes: a generate-mode sweep of
 * 600 training questions x 49 configurations, a selector trained on it, and
 * the five-method evaluation on 300 held-out questions at N = 8. Each phase
 * is timed in the page; the sweep runs the app's default (draft-verified)
 * decoding unless --decode plain.
 * usage: npm run build && npx tsx bench/sprintEndToEnd.ts [--train 600] [--held-out 300] [--n 8] [--decode verified|plain] [--threads 1]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { SweepFile, SweepProblem } from '../src/engine/sweep/sweepSchema';
import type { DecodeMode } from '../src/engine/verify/greedyDecoding';
import { sweepProblemOf } from '../src/engine/sweep/sweepSchema';
import { problemFromSynthetic } from '../src/engine/problems/problem';
import { syntheticProblems } from '../src/engine/problems/synthetic';
import { benchSweepFile } from './benchSweepFile';
import { withAppInBrowser } from './appInBrowser';
import { machineDescription, report } from './benchTable';

const { values } = parseArgs({ options: { train: { type: 'string', default: '600' }, 'held-out': { type: 'string', default: '300' }, n: { type: 'string', default: '8' }, decode: { type: 'string', default: 'verified' }, threads: { type: 'string', default: '1' } } });
const train = Number(values.train);
const heldOut = Number(values['held-out']);
const n = Number(values.n);
const decode = values.decode as DecodeMode;
const threads = Number(values.threads);
// The splits the SPRINT panel's sizing buttons use: training seed 11, held-out seed 13.
const problems: SweepProblem[] = syntheticProblems({ seed: 13, count: heldOut }).map((p) => sweepProblemOf(problemFromSynthetic(p)));

type Hook = {
  headlabBench: {
    fingerprint(): string;
    sweep(f: SweepFile, b: number, d: DecodeMode): Promise<{ seconds: number; file: SweepFile }>;
    sprintAtScale(f: SweepFile, p: SweepProblem[], n: number): Promise<{ trainSeconds: { embed: number; train: number }; compareSeconds: number }>;
  };
};
const load = [loadavg()[0]];
const times = await withAppInBrowser(4322, async (page) => {
  const fingerprint = await page.evaluate(() => (window as unknown as Hook).headlabBench.fingerprint());
  const file = benchSweepFile({ fingerprint, mode: 'generate', seed: 11, count: train });
  // The app's sweep panel runs 16 rows per batch.
  const swept = await page.evaluate(([f, d]) => (window as unknown as Hook).headlabBench.sweep(f, 16, d), [file, decode] as const);
  const sprint = await page.evaluate(([f, p, k]) => (window as unknown as Hook).headlabBench.sprintAtScale(f, p, k), [swept.file, problems, n] as const);
  return { sweep: swept.seconds, embed: sprint.trainSeconds.embed, train: sprint.trainSeconds.train, evaluate: sprint.compareSeconds };
}, undefined, { model: 'headlab-math-6x8', threads });
load.push(loadavg()[0]);
const total = times.sweep + times.embed + times.train + times.evaluate;
report({
  name: `sprint-end-to-end-${decode}${threads === 1 ? '' : `-${threads}-threads`}`,
  command: `npm run build && npx tsx bench/sprintEndToEnd.ts --train ${train} --held-out ${heldOut} --n ${n} --decode ${decode}${threads === 1 ? '' : ` --threads ${threads}`}`,
  machine: `${machineDescription()}, headless Chromium, WASM, ${threads === 1 ? 'one thread' : `${threads} threads`}`,
  date: new Date().toISOString(),
  rows: [
    { phase: `sweep: ${train} x 49 cells (${decode})`, seconds: times.sweep.toFixed(1), share: `${((100 * times.sweep) / total).toFixed(0)}%` },
    { phase: 'embed the training questions', seconds: times.embed.toFixed(1), share: `${((100 * times.embed) / total).toFixed(0)}%` },
    { phase: 'train the selector', seconds: times.train.toFixed(1), share: `${((100 * times.train) / total).toFixed(0)}%` },
    { phase: `evaluate: ${heldOut} held-out questions, five methods, N = ${n}`, seconds: times.evaluate.toFixed(1), share: `${((100 * times.evaluate) / total).toFixed(0)}%` },
    { phase: 'total', seconds: total.toFixed(1), share: `${(total / 60).toFixed(1)} min` },
  ],
  notes: [`headlab-math-6x8, training seed 11, held-out seed 13; the selector trains on every swept question; load average ${load.map((l) => l.toFixed(2)).join(' -> ')}`],
});
