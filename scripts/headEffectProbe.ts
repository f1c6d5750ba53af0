/**
 * Linear probe, independent of the selector: can the question embedding
 * alone predict "pruning head h fixes this question"? For each head, a
 * ridge logistic regression on the standardised embeddings of split A's
 * baseline-wrong questions, scored by AUC on split B's (never fitted).
 * Likewise "pruning head h breaks it" on baseline-right questions.
 * Reads the sweep and the embeddings sprintValidate.ts caches.
 *
 *   npx tsx scripts/headEffectProbe.ts training/runs/sweep-1000-11.json [--share 0.2] [--ridge 1]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { validateSweepFile } from '../src/engine/sweep/sweepSchema';
import { outcomesFromSweep, noneIndex } from '../src/engine/sprint/outcomes';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { share: { type: 'string' }, ridge: { type: 'string' } } });
const path = positionals[0];
const file = validateSweepFile(JSON.parse(readFileSync(path, 'utf8')));
const table = outcomesFromSweep(file, [...file.problems.keys()]);
const { nCand, y } = table;
const n = table.problems.length;
const none = noneIndex(nCand);
const buf = readFileSync(`${path}.emb.f32`);
const x = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
const dim = x.length / n;
const nB = Math.round(n * Number(values.share ?? 0.2));
const ridge = Number(values.ridge ?? 1);
const inA = (i: number) => i < n - nB;

// Standardise with split A's statistics only.
const mean = new Float64Array(dim);
const sd = new Float64Array(dim);
for (let i = 0; i < n - nB; i++) for (let d = 0; d < dim; d++) mean[d] += x[i * dim + d] / (n - nB);
for (let i = 0; i < n - nB; i++) for (let d = 0; d < dim; d++) sd[d] += (x[i * dim + d] - mean[d]) ** 2 / (n - nB);
const z = (i: number) => Array.from({ length: dim }, (_, d) => (x[i * dim + d] - mean[d]) / (Math.sqrt(sd[d]) || 1));

/** Ridge logistic regression by gradient descent; returns the weights (bias last). */
function fit(rows: number[][], labels: number[]): Float64Array {
  const w = new Float64Array(dim + 1);
  for (let it = 0; it < 300; it++) {
    const g = new Float64Array(dim + 1);
    rows.forEach((r, k) => {
      let s = w[dim];
      for (let d = 0; d < dim; d++) s += w[d] * r[d];
      const e = 1 / (1 + Math.exp(-s)) - labels[k];
      for (let d = 0; d < dim; d++) g[d] += e * r[d];
      g[dim] += e;
    });
    for (let d = 0; d <= dim; d++) w[d] -= 0.1 * (g[d] / rows.length + (d < dim ? (ridge * w[d]) / rows.length : 0));
  }
  return w;
}
const score = (w: Float64Array, r: number[]) => r.reduce((s, v, d) => s + v * w[d], w[dim]);
function auc(pos: number[], neg: number[]): number {
  let s = 0;
  for (const p of pos) for (const q of neg) s += p > q ? 1 : p === q ? 0.5 : 0;
  return s / (pos.length * neg.length);
}

function probe(baseRight: boolean, what: string) {
  const qs = [...Array(n).keys()].filter((i) => (y[i * nCand + none] >= 0.5) === baseRight);
  const A = qs.filter(inA);
  const B = qs.filter((i) => !inA(i));
  const zA = A.map(z);
  const zB = B.map(z);
  const aucs: { head: number; auc: number; posA: number; posB: number }[] = [];
  for (let h = 0; h < none; h++) {
    const event = (i: number) => Number((y[i * nCand + h] >= 0.5) !== baseRight);
    const labA = A.map(event);
    const labB = B.map(event);
    const posA = labA.reduce((s, v) => s + v, 0);
    const posB = labB.reduce((s, v) => s + v, 0);
    if (posA < 10 || posB < 3 || posB === B.length) continue;
    const w = fit(zA, labA);
    const s = zB.map((r) => score(w, r));
    aucs.push({ head: h, auc: auc(s.filter((_, k) => labB[k]), s.filter((_, k) => !labB[k])), posA, posB });
  }
  const m = aucs.reduce((s, a) => s + a.auc, 0) / aucs.length;
  console.log(`${what}: ${A.length} questions in A, ${B.length} in B; ${aucs.length} heads with at least 10 events in A and 3 in B; mean held-out AUC ${m.toFixed(3)}`);
  console.log(`   per head (layer.head AUC, events A/B): ${aucs.map((a) => `${Math.floor(a.head / 8)}.${a.head % 8} ${a.auc.toFixed(2)} (${a.posA}/${a.posB})`).join(', ')}`);
}

console.log(`${path}: ${n} questions, ${dim}-wide embeddings; A the first ${n - nB}, B the last ${nB}; ridge ${ridge}`);
probe(false, 'pruning h fixes a question the unpruned model gets wrong');
probe(true, 'pruning h breaks a question the unpruned model gets right');
