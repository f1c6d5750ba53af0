/**
 * Chooses SPRINT's defaults by measurement on training questions only: a
 * saved training sweep is split into A (the selector's training questions)
 * and B (validation, never trained on); every variant trains on A and is
 * scored on B by looking up B's swept outcomes (each pick is one greedy
 * answer with one head pruned, which the sweep already graded). Also the
 * probe: can the question embedding predict which head fixes a question?
 *
 *   npx tsx scripts/sprintValidate.ts training/runs/sweep-1000-11.json [--share 0.2] [--variants default,...] [--logprob LOGPROB-SWEEP.json] [--model DIR]
 * (--model: the swept model's folder, for the question embeddings; headlab-math-6x8 when absent)
 * (--logprob: a log-prob sweep of the same questions, for the variant that trains on its soft labels)
 *
 * Question embeddings are cached next to the sweep (<sweep>.emb.f32).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../src/node/loadNodeModel';
import { headMaskTransform } from '../src/engine/onnx/addHeadMask';
import { validateSweepFile } from '../src/engine/sweep/sweepSchema';
import { embedQuestions } from '../src/engine/sprint/embedQuestions';
import { outcomesFromSweep, noneIndex, type OutcomeTable } from '../src/engine/sprint/outcomes';
import { candidateLogits, fitSelector, passAtNOfOrders, takeRows, DEFAULT_FIT, type FitOptions } from '../src/engine/sprint/fitSelector';
import { coverageOrder } from '../src/engine/sprint/coverage';
import { DEFAULT_TRAIN, trainSelector } from '../src/engine/sprint/trainSelector';
import { labelsFromSweep } from '../src/engine/sprint/labels';
import { scoreHeads } from '../src/engine/sprint/selector';
import { Rng } from '../src/engine/problems/rng';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { share: { type: 'string' }, variants: { type: 'string' }, logprob: { type: 'string' }, model: { type: 'string' } } });
const path = positionals[0];
const file = validateSweepFile(JSON.parse(readFileSync(path, 'utf8')));
const table = outcomesFromSweep(file, [...file.problems.keys()]);
const n = table.problems.length;
const { nCand } = table;
const none = noneIndex(nCand);

async function embeddings(): Promise<{ x: Float32Array; dim: number }> {
  const cache = `${path}.emb.f32`;
  const model = existsSync(cache) ? undefined : await loadNodeModel(values.model ?? BUNDLED_MODEL_DIR, { transform: headMaskTransform({ hiddenStateOutput: true }) });
  if (model) writeFileSync(cache, Buffer.from((await embedQuestions(model, table.problems.map((p) => file.problems[p].question))).buffer));
  const buf = readFileSync(cache);
  const x = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
  return { x, dim: x.length / n };
}

const { x, dim } = await embeddings();
const nB = Math.round(n * Number(values.share ?? 0.2));
const A = Array.from({ length: n - nB }, (_, i) => i);
const B = Array.from({ length: nB }, (_, i) => n - nB + i);
const sub = (rows: number[]): OutcomeTable => ({ problems: rows.map((r) => table.problems[r]), nCand, y: takeRows(table.y, nCand, rows) });
const tA = sub(A);
const tB = sub(B);
const xA = takeRows(x, dim, A);
const xB = takeRows(x, dim, B);
const NS = [1, 2, 4, 8, 16];
const fmt = (v: number[]) => v.map((p) => (100 * p).toFixed(1).padStart(5)).join(' ');
console.log(`sweep ${path}: ${n} questions; A ${A.length} train, B ${B.length} validation; pass@N at N = ${NS.join(', ')}`);
const row = (name: string, orders: number[][]) => console.log(`${name.padEnd(44)} ${fmt(passAtNOfOrders(orders, tB.y, nCand, NS))}`);

row('greedy (prune nothing)', B.map(() => [none]));
row('oracle (any candidate right)', B.map((_, i) => { const j = [...Array(nCand).keys()].find((c) => tB.y[i * nCand + c] >= 0.5); return [j ?? 0]; }));
const fixed = coverageOrder(tA, { limit: nCand, noneFirst: true });
row('fixed (coverage order on A)', B.map(() => fixed));
const rng = new Rng(0);
row('random heads, no replacement', B.map(() => { const h = [...Array(none).keys()]; for (let i = h.length - 1; i > 0; i--) { const j = rng.int(0, i); [h[i], h[j]] = [h[j], h[i]]; } return h; }));

// The paper's recipe: InfoNCE on uniform labels over the heads that solved a question, top scores first.
{
  const lab = labelsFromSweep(file, A.map((r) => table.problems[r]));
  const rows = lab.problems.map((p) => table.problems.indexOf(p));
  const { params } = trainSelector({ x: takeRows(x, dim, rows), targets: lab.targets, n: rows.length }, none, { ...DEFAULT_TRAIN, loss: 'infonce' });
  row('paper: InfoNCE, uniform positives, top-N', B.map((_, i) => { const s = scoreHeads(params, xB.subarray(i * dim, (i + 1) * dim), DEFAULT_TRAIN.temperature); return [...s.keys()].sort((a, b) => s[b] - s[a]); }));
}

/** Soft labels from a log-prob sweep of the same questions, rows in A's order. */
function logprobLabels(): OutcomeTable {
  const lp = validateSweepFile(JSON.parse(readFileSync(values.logprob!, 'utf8')));
  const t = outcomesFromSweep(lp, A.map((r) => table.problems[r]));
  if (t.problems.join() !== tA.problems.join()) throw new Error('the log-prob sweep does not hold the same questions');
  return t;
}

function variant(name: string, change: Partial<FitOptions>, labels?: OutcomeTable) {
  const t0 = performance.now();
  const opts: FitOptions = { ...DEFAULT_TRAIN, ...DEFAULT_FIT, ...change };
  const f = fitSelector(xA, tA, opts, labels);
  const logits = B.map((_, i) => candidateLogits(f.params, f.calibration, xB.subarray(i * dim, (i + 1) * dim), opts.temperature));
  const shifts = logits.map((l) => l.map((v, j) => v - f.meanLogits[j]));
  const sec = ((performance.now() - t0) / 1000).toFixed(1);
  row(`${name} (${f.noneFirst ? 'nothing' : `β ${f.betaFirst}`} first, β ${f.beta}, ${sec} s)`, shifts.map((shift) => coverageOrder(tA, { limit: 16, shift, beta: f.beta, betaFirst: f.betaFirst, noneFirst: f.noneFirst })));
  for (const beta of [0.5, 1, 2]) row(`   same, nothing first, β forced ${beta}`, shifts.map((shift) => coverageOrder(tA, { limit: 16, shift, beta, noneFirst: true })));
  row('   same, top calibrated chance (no coverage)', logits.map((l) => [...l.keys()].sort((a, b) => l[b] - l[a])));
  // Local coverage: training questions weighted by how alike their calibrated candidate log-odds are to this question's.
  const logitsA = A.map((_, i) => candidateLogits(f.params, f.calibration, xA.subarray(i * dim, (i + 1) * dim), opts.temperature));
  const unit = (l: Float64Array) => { const m = l.reduce((s, v) => s + v, 0) / l.length; const c = l.map((v) => v - m); const norm = Math.hypot(...c) || 1; return c.map((v) => v / norm); };
  const uA = logitsA.map(unit);
  for (const tau of [0.05, 0.1, 0.2]) {
    row(`   same, local coverage τ ${tau}`, logits.map((l) => {
      const u = unit(l);
      const w = uA.map((v) => Math.exp(v.reduce((s, x, j) => s + x * u[j], 0) / tau));
      return coverageOrder(tA, { limit: 16, weights: w, noneFirst: true });
    }));
  }
  const best = [...f.validation].sort((a, b) => b.passAtN.reduce((s, v) => s + v) - a.passAtN.reduce((s, v) => s + v)).slice(0, 4);
  console.log(`   validation inside A, best 4 of ${f.validation.length} (first pick/β: pass@1 2 4 8): ${best.map((v) => `${v.noneFirst ? 'nothing' : v.betaFirst}/${v.beta}: ${fmt(v.passAtN)}`).join(' | ')}`);
  // Calibration on B: mean predicted chance against the observed rate, in five bins.
  const bins = Array.from({ length: 5 }, () => ({ p: 0, y: 0, k: 0 }));
  logits.forEach((l, i) => l.forEach((v, j) => { const p = 1 / (1 + Math.exp(-v)); const b = bins[Math.min(4, Math.floor(p * 5))]; b.p += p; b.y += tB.y[i * nCand + j]; b.k++; }));
  console.log(`   calibration on B (predicted→observed, count): ${bins.filter((b) => b.k).map((b) => `${(100 * b.p / b.k).toFixed(0)}→${(100 * b.y / b.k).toFixed(0)}% (${b.k})`).join(', ')}`);
  probe(logits);
}

/** Mann-Whitney AUC of scores for positives against negatives. */
function auc(pos: number[], neg: number[]): number {
  if (!pos.length || !neg.length) return NaN;
  let s = 0;
  for (const p of pos) for (const q of neg) s += p > q ? 1 : p === q ? 0.5 : 0;
  return s / (pos.length * neg.length);
}

/** Probe: on B's baseline-wrong questions, does the per-question score rank the questions a head fixes above those it does not (per head, then averaged)? */
function probe(logits: Float64Array[]) {
  const wrong = B.map((_, i) => i).filter((i) => tB.y[i * nCand + none] < 0.5);
  const right = B.map((_, i) => i).filter((i) => tB.y[i * nCand + none] >= 0.5);
  const per = (qs: number[], fixes: boolean) => {
    const a: number[] = [];
    for (let j = 0; j < none; j++) {
      const pos = qs.filter((i) => (tB.y[i * nCand + j] >= 0.5) === fixes).map((i) => logits[i][j]);
      const neg = qs.filter((i) => (tB.y[i * nCand + j] >= 0.5) !== fixes).map((i) => logits[i][j]);
      const v = auc(pos, neg);
      if (!Number.isNaN(v) && pos.length >= 3 && neg.length >= 3) a.push(v);
    }
    return `${(a.reduce((s, v) => s + v, 0) / a.length).toFixed(3)} over ${a.length} heads`;
  };
  const base = auc(right.map((i) => logits[i][none]), wrong.map((i) => logits[i][none]));
  console.log(`   probe AUC on B: unpruned right vs wrong ${base.toFixed(3)}; head fixes a wrong question ${per(wrong, true)}; head keeps a right question right ${per(right, true)}`);
}

const variants: Record<string, Partial<FitOptions>> = {
  default: {},
  'change weight 1': { changeWeight: 1 },
  'change weight 10': { changeWeight: 10 },
  'temperature 1': { temperature: 1 },
  'weight decay 1e-3': { weightDecay: 1e-3 },
  'weight decay 1e-2': { weightDecay: 1e-2 },
};
for (const name of (values.variants ?? 'default').split(',')) variant(`sprint ${name}`, variants[name]);
if (values.logprob) variant('sprint, log-prob soft labels', {}, logprobLabels());
