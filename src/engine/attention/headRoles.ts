/**
 * Head roles over a problem set: each head's mean weight on the keys each
 * role names (roleQueries.ts), over every problem's question and reference
 * solution read teacher-forced, in batches from the patterns session.
 */
import type { Problem } from '../problems/problem';
import { checkpoint } from '../model/checkpoint';
import { buildPromptIds } from '../model/prompt';
import { HEAD_ROLES, roleQueries, type HeadRole, type RoleSequence } from './roleQueries';
import { sequencePatterns, type SequencePatterns } from './sequencePatterns';
import { tokenLabels, type PatternsModel } from './questionPatterns';

/** Role scores of every head: a role's score is null where no query in the data counts for it. */
export interface HeadRolesReport {
  numLayers: number;
  numHeads: number;
  /** How many problems were read. */
  problems: number;
  /** Per role, [layers * heads] row-major mean weights in [0, 1]. */
  scores: Record<HeadRole, (number | null)[]>;
  /** Per role, how many query tokens the means are over. */
  queries: Record<HeadRole, number>;
}

/** Sums of weights and counts of queries, per role and head, as sequences arrive. */
export class RoleAccumulator {
  private readonly sums: Record<HeadRole, Float64Array>;
  private readonly counts = Object.fromEntries(HEAD_ROLES.map((r) => [r, 0])) as Record<HeadRole, number>;
  private sequences = 0;

  constructor(readonly numLayers: number, readonly numHeads: number) {
    this.sums = Object.fromEntries(HEAD_ROLES.map((r) => [r, new Float64Array(numLayers * numHeads)])) as Record<HeadRole, Float64Array>;
  }

  /** Adds one sequence: its patterns must hold every layer, [heads, n, n] each. */
  add(seq: RoleSequence, patterns: SequencePatterns): void {
    const n = seq.ids.length;
    const queries = roleQueries(seq);
    this.sequences++;
    for (const role of HEAD_ROLES) {
      this.counts[role] += queries[role].length;
      for (const { layer, weights } of patterns.layers) {
        for (let h = 0; h < this.numHeads; h++) {
          let sum = 0;
          for (const { query, keys } of queries[role]) {
            const row = (h * n + query) * n;
            for (const k of keys) sum += weights[row + k];
          }
          this.sums[role][layer * this.numHeads + h] += sum;
        }
      }
    }
  }

  report(): HeadRolesReport {
    const scores = Object.fromEntries(
      HEAD_ROLES.map((r) => [r, Array.from(this.sums[r], (s) => (this.counts[r] ? s / this.counts[r] : null))]),
    ) as Record<HeadRole, (number | null)[]>;
    return { numLayers: this.numLayers, numHeads: this.numHeads, problems: this.sequences, scores, queries: { ...this.counts } };
  }
}

export interface HeadRolesOptions {
  /** Problems per forward pass. */
  batch?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** A problem as the model reads it: question prompt, then the reference solution (else the final answer). */
export function problemSequence(model: PatternsModel, problem: Problem): RoleSequence {
  const prompt = buildPromptIds(model.tokenizer, problem.question, model.spec, 0);
  const answer = model.tokenizer.encode(problem.solution ?? problem.reference, { add_special_tokens: false });
  const ids = [...prompt, ...answer].slice(0, model.spec.maxPositions);
  return { ids, tokens: tokenLabels(model.tokenizer, ids), promptLength: prompt.length };
}

/**
 * Scores every head on every role over `problems`.
 * @throws the signal's reason when aborted between batches
 */
export async function headRoles(model: PatternsModel, problems: Problem[], options: HeadRolesOptions = {}): Promise<HeadRolesReport> {
  const { numLayers, numHeads } = model.spec;
  const acc = new RoleAccumulator(numLayers, numHeads);
  const batch = options.batch ?? 4;
  for (let start = 0; start < problems.length; start += batch) {
    await checkpoint(options.signal);
    const seqs = problems.slice(start, start + batch).map((p) => problemSequence(model, p));
    const patterns = await sequencePatterns(model.decoder, seqs.map((s) => s.ids));
    seqs.forEach((s, i) => acc.add(s, patterns[i]));
    options.onProgress?.(Math.min(start + batch, problems.length), problems.length);
  }
  return acc.report();
}
