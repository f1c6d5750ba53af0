/**
 * What a sweep says about each head: the change, from the baseline, of
 * accuracy (generate mode) or of the reference's log-probability (logprob
 * mode) when that head alone is pruned, averaged over the problems run.
 */
import type { SweepFile } from './sweepSchema';
import { csvText } from '../export/csvText';

export interface HeadMetric {
  layer: number;
  head: number;
  /** Mean change vs baseline over the problems both have; NaN before any. */
  delta: number;
  /** Problems behind the mean. */
  n: number;
}

export interface SweepSummary {
  /** Row-major [layers * heads]. */
  heads: HeadMetric[];
  baselineMean: number;
  unit: 'accuracy' | 'log-prob';
}

const value = (file: SweepFile, c: SweepFile['cells'][number]) => (file.mode === 'generate' ? Number(c.correct) : (c.logprob ?? NaN));

export function summarizeSweep(file: SweepFile): SweepSummary {
  const { numLayers, numHeads } = file.model;
  const baseIndex = file.configs.findIndex((c) => c.length === 0);
  const base = new Map<number, number>();
  for (const c of file.cells) if (c.config === baseIndex) base.set(c.problem, value(file, c));
  const sums = new Float64Array(numLayers * numHeads);
  const counts = new Uint32Array(numLayers * numHeads);
  for (const c of file.cells) {
    const config = file.configs[c.config];
    if (config.length !== 1 || !base.has(c.problem)) continue;
    const [l, h] = config[0];
    sums[l * numHeads + h] += value(file, c) - base.get(c.problem)!;
    counts[l * numHeads + h]++;
  }
  const heads = Array.from(sums, (s, i) => ({ layer: Math.floor(i / numHeads), head: i % numHeads, delta: counts[i] ? s / counts[i] : NaN, n: counts[i] }));
  const baseValues = [...base.values()];
  return {
    heads,
    baselineMean: baseValues.length ? baseValues.reduce((a, b) => a + b, 0) / baseValues.length : NaN,
    unit: file.mode === 'generate' ? 'accuracy' : 'log-prob',
  };
}

/** One CSV row per cell: configuration's pruned heads, problem id and family (empty when the file has none), and the result. */
export function sweepToCsv(file: SweepFile): string {
  const lines = ['pruned,problem_id,family,correct,predicted,tokens,logprob'];
  for (const c of file.cells) {
    const pruned = file.configs[c.config].map(([l, h]) => `${l}.${h}`).join(' ');
    const problem = file.problems[c.problem];
    lines.push([csvText(pruned), csvText(problem.id), csvText(problem.family ?? ''), c.correct ?? '', csvText(c.predicted ?? ''), c.tokens ?? '', c.logprob ?? ''].join(','));
  }
  return lines.join('\n') + '\n';
}
