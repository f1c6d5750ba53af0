/**
 * The sweep result file: one versioned JSON schema that the CLI writes, the
 * app imports and exports, and `merge` joins across shards.
 *
 * A sweep runs every configuration (a set of pruned heads; the empty set is
 * the baseline) over every problem. Each finished (configuration, problem)
 * pair is one cell, so a partial or sharded sweep is a valid file too.
 *
 * Version 2 adds `truncations`: per configuration, the low-rank truncations
 * (`L.MATRIX:KEEP[:bottom]`) its model ran with. Version 1 files, which
 * have none, are read as they are. Either version's problems may carry a
 * `family` (the mix generator's kind of question); files without one load.
 * validateSweep.ts checks a file read from outside, field by field.
 */
import type { Problem } from '../problems/problem';

export const SWEEP_SCHEMA = 'headlab-sweep';
/** The version written; versions 1 and 2 are read. */
export const SWEEP_VERSION = 2;

export type SweepMode = 'generate' | 'logprob';

/** [layer, head], both 0-based. */
export type HeadRef = [number, number];

export interface SweepModelInfo {
  name: string;
  /** SHA-256 of the ONNX bytes before surgery, hex. */
  fingerprint: string;
  numLayers: number;
  numHeads: number;
}

export interface SweepProblem {
  id: string;
  question: string;
  /** The final answer, as graded in generate mode. */
  reference: string;
  /** The worked solution, scored in logprob mode (the reference answer when absent). */
  solution?: string;
  /** The problem's family ("price", "ages", ...), for per-family results. */
  family?: string;
}

/** A problem as a sweep file lists it: only the fields present, so files of problems without them stay as they were. */
export function sweepProblemOf({ id, question, reference, solution, family }: Problem): SweepProblem {
  return { id, question, reference, ...(solution ? { solution } : {}), ...(family ? { family } : {}) };
}

export interface SweepCell {
  config: number;
  problem: number;
  /** Generate mode. */
  correct?: boolean;
  predicted?: string | null;
  tokens?: number;
  /** Logprob mode: summed log-probability of the reference solution. */
  logprob?: number;
}

export interface SweepFile {
  schema: typeof SWEEP_SCHEMA;
  version: 1 | 2;
  model: SweepModelInfo;
  mode: SweepMode;
  maxNewTokens: number;
  problems: SweepProblem[];
  /** Pruned heads per configuration; configs[0] is the baseline []. */
  configs: HeadRef[][];
  /** Version 2: truncations per configuration (same length as configs); absent means none anywhere. */
  truncations?: string[][];
  cells: SweepCell[];
  /** Present on a shard: it holds the configurations with index % count === index. */
  shard?: { index: number; count: number };
}

/** Thrown for a file that is not a sweep this version can read. */
export class SweepFileError extends Error {
  override readonly name = 'SweepFileError';
}

/** Baseline first, then every single head in layer-major order: 1 + layers * heads configurations. */
export function singleHeadConfigs(numLayers: number, numHeads: number): HeadRef[][] {
  const configs: HeadRef[][] = [[]];
  for (let l = 0; l < numLayers; l++) for (let h = 0; h < numHeads; h++) configs.push([[l, h]]);
  return configs;
}

/** Row-major [layers, heads] mask, 1 keeps and 0 prunes. */
export function maskFor(pruned: readonly HeadRef[], numLayers: number, numHeads: number): Float32Array {
  const mask = new Float32Array(numLayers * numHeads).fill(1);
  for (const [l, h] of pruned) mask[l * numHeads + h] = 0;
  return mask;
}

/** The cells this file (or shard) still has to run, in a stable order. */
export function pendingCells(file: SweepFile): { config: number; problem: number }[] {
  const done = new Set(file.cells.map((c) => `${c.config}:${c.problem}`));
  const pending: { config: number; problem: number }[] = [];
  file.configs.forEach((_, config) => {
    if (file.shard && config % file.shard.count !== file.shard.index) return;
    file.problems.forEach((_, problem) => {
      if (!done.has(`${config}:${problem}`)) pending.push({ config, problem });
    });
  });
  return pending;
}
