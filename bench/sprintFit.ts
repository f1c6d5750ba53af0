/**
 * The selector's training in Node, the new recipe against the paper's, in
 * interleaved rounds so both see the same machine load: `fitSelector` (the
 * sigmoid loss over 49 candidates on 80% of the questions, then Platt
 * calibration and the choice of β on the rest) against `trainSelector` with
 * InfoNCE over 48 heads on all of them, as before. Embeddings and labels are
 * seeded random numbers of the real shapes (cost does not depend on values).
 * The training is plain JavaScript, run by the same V8 in the browser's
 * worker, so CPU seconds here approximate the worker's training time on an
 * otherwise idle core.
 * usage: npx tsx bench/sprintFit.ts [--questions 500] [--rounds 3]
 */
import { parseArgs } from 'node:util';
import { mulberry32 } from '../src/engine/problems/rng';
import { fitSelector, DEFAULT_FIT } from '../src/engine/sprint/fitSelector';
import { DEFAULT_TRAIN, trainSelector } from '../src/engine/sprint/trainSelector';
import { machineDescription, report } from './benchTable';

const { values } = parseArgs({ options: { questions: { type: 'string', default: '500' }, rounds: { type: 'string', default: '3' } } });
const n = Number(values.questions);
const rounds = Number(values.rounds);
const random = mulberry32(3);
const dIn = 128;
const x = Float32Array.from({ length: n * dIn }, () => random() * 2 - 1);
const y = Float32Array.from({ length: n * 49 }, () => (random() < 0.75 ? 1 : 0));
const targets = new Float32Array(n * 48);
for (let i = 0; i < n; i++) targets[i * 48 + Math.floor(random() * 48)] = 1;
const table = { problems: [...Array(n).keys()], nCand: 49, y };

/** Wall and CPU seconds (the process's user + system time: what a busy machine inflates least). */
const seconds = (run: () => void) => {
  const start = performance.now();
  const cpu = process.cpuUsage();
  run();
  const used = process.cpuUsage(cpu);
  return { wall: (performance.now() - start) / 1000, cpu: (used.user + used.system) / 1e6 };
};
const rows: Record<string, string | number>[] = [];
for (let r = 0; r < rounds; r++) {
  const before = seconds(() => trainSelector({ x, targets, n }, 48, { ...DEFAULT_TRAIN, loss: 'infonce' }));
  const now = seconds(() => fitSelector(x, table, { ...DEFAULT_TRAIN, ...DEFAULT_FIT }));
  rows.push({
    round: r + 1,
    questions: n,
    'paper InfoNCE s': before.wall.toFixed(2),
    'paper cpu s': before.cpu.toFixed(2),
    'fitSelector s': now.wall.toFixed(2),
    'fitSelector cpu s': now.cpu.toFixed(2),
    'cpu ratio': (now.cpu / before.cpu).toFixed(2),
  });
}
report({
  name: 'sprint-fit',
  command: `npx tsx bench/sprintFit.ts --questions ${n} --rounds ${rounds}`,
  machine: machineDescription(),
  date: new Date().toISOString(),
  rows,
  notes: ['fitSelector: sigmoid loss over 49 candidates on 80% of the questions, Platt calibration and the choice of beta on the rest; paper: InfoNCE over 48 heads on all'],
});
