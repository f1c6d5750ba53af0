/**
 * SPRINT selector training in the browser's engine worker: 500 training
 * questions x every head of the bundled model (48), default settings
 * (60 epochs, batch 32, k 64, hidden 128). Measured in the worker: the
 * questions' embedding (the model's mean final hidden state, WASM) and the
 * training itself. Target: training at most 5 s.
 * The sweep's log-prob cells are seeded pseudo-random numbers, not a real
 * sweep (24,500 cells would take minutes to compute): training cost does not
 * depend on the label values, only on their shape.
 * usage: npm run build && npx tsx bench/sprintTrain.ts [--questions 500] [--runs 3] [--out-dir dist]
 * (--out-dir serves another build folder, so a bench need not share dist/ with someone else's build)
 */
import { parseArgs } from 'node:util';
import { mulberry32 } from '../src/engine/problems/rng';
import { benchSweepFile } from './benchSweepFile';
import { withAppInBrowser } from './appInBrowser';
import { machineDescription, report } from './benchTable';

const { values } = parseArgs({ options: { questions: { type: 'string', default: '500' }, runs: { type: 'string', default: '3' }, 'out-dir': { type: 'string', default: 'dist' } } });
const count = Number(values.questions);
const runs = Number(values.runs);

const random = mulberry32(11);
const empty = benchSweepFile({ fingerprint: 'bench', mode: 'logprob', seed: 500, count });
const file = { ...empty, cells: empty.configs.flatMap((_, config) => Array.from({ length: count }, (_, problem) => ({ config, problem, logprob: -20 + 4 * random() }))) };

type Timing = { embed: number; train: number; epochs: number };
const timings = await withAppInBrowser(4320, async (page) => {
  const out: Timing[] = [];
  for (let r = 0; r < runs; r++) {
    out.push(await page.evaluate((f) => (window as unknown as { headlabBench: { trainSelector(f: unknown): Promise<Timing> } }).headlabBench.trainSelector(f), file));
  }
  return out;
}, undefined, { outDir: values['out-dir'] });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
report({
  name: 'sprint-train',
  command: `npm run build && npx tsx bench/sprintTrain.ts --questions ${count} --runs ${runs} --out-dir ${values['out-dir']}`,
  machine: `${machineDescription()}, headless Chromium, WASM`,
  date: new Date().toISOString(),
  rows: timings.map((t, i) => ({ run: i + 1, questions: count, heads: 48, epochs: t.epochs, 'embed s': t.embed.toFixed(2), 'train s': t.train.toFixed(2), 'total s': (t.embed + t.train).toFixed(2) })),
  notes: [
    `median training ${median(timings.map((t) => t.train)).toFixed(2)} s (target <= 5 s); median embedding ${median(timings.map((t) => t.embed)).toFixed(2)} s`,
    'labels: seeded pseudo-random log-prob cells in a real sweep file; questions: real synthetic problems',
  ],
});
