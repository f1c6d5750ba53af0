/**
 * SPRINT's evaluation on held-out questions: N answers per question from
 * five methods, graded, then pass@N and majority vote for each N, and SPRINT
 * against each baseline paired question by question.
 *   greedy     the unpruned model's one greedy answer, repeated (N does not help it)
 *   sampling   N samples, temperature 0.9, top-p 0.95, top-k 40 (the original's baseline)
 *   random     N greedy answers, each with a different random head pruned (drawn without replacement)
 *   fixed      N greedy answers along one coverage order learned from the selector's training questions,
 *              the same for every question ("prune nothing" first)
 *   sprint     N greedy answers along the selector's order for this question ("prune nothing" where it falls)
 */
import type { LoadedModel } from '../model/loadModel';
import { generate } from '../model/generate';
import { buildPromptIds } from '../model/prompt';
import { gradeAnswer } from '../grading/gradeAnswer';
import { Rng } from '../problems/rng';
import { maskFor, type HeadRef, type SweepProblem } from '../sweep/sweepSchema';
import { bestOfNCurve, passAtN, type Attempt, type Estimate } from './bestOfN';
import { rankHeadsFor } from './sprintSelector';
import { topPicks, type SprintSelector } from './selectorFormat';
import type { EncoderSettings } from './questionEncoder';
import { mcnemar, pairedBootstrap, type McNemar } from './pairedStats';
import { greedyPicks, PICK_BLOCK, type Pick } from './greedyPicks';
import type { DecodeMode } from '../verify/greedyDecoding';

export const METHODS = ['greedy', 'sampling', 'random', 'fixed', 'sprint'] as const;
export type Method = (typeof METHODS)[number];
export const BASELINES = METHODS.filter((m) => m !== 'sprint');

export const SAMPLING = { temperature: 0.9, topP: 0.95, topK: 40 };

export interface MethodCurve {
  method: Method;
  points: { n: number; passAtN: Estimate; majority: Estimate }[];
}

/** SPRINT minus one baseline on the same questions: pass@N differences with paired bootstrap intervals, and McNemar at N = 1. */
export interface PairedCurve {
  against: Method;
  points: { n: number; diff: Estimate }[];
  mcnemarAt1: McNemar;
}

export interface ComparisonReport {
  ns: number[];
  problems: string[];
  /** Each problem's family (null for one without), present only when some problem has one. */
  families?: (string | null)[];
  methods: MethodCurve[];
  paired: PairedCurve[];
  /** Per method, per problem, the N attempts' answers. */
  attempts: Record<Method, Attempt[][]>;
  /** Per head-pruning method, per problem, the N picks in order ([layer, head], or null for nothing pruned). */
  picks: Record<'random' | 'fixed' | 'sprint', Pick[][]>;
}

export type { Pick };

interface AttemptSettings {
  maxNewTokens: number;
  seed: number;
  signal?: AbortSignal;
}

async function answer(model: LoadedModel, problem: SweepProblem, rows: { mask?: HeadRef[]; sample?: number }[], { maxNewTokens, seed, signal }: AttemptSettings): Promise<Attempt[]> {
  const { spec, tokenizer } = model;
  const prompt = buildPromptIds(tokenizer, problem.question, spec, maxNewTokens);
  const perRow = spec.numLayers * spec.numHeads;
  const headMask = new Float32Array(rows.length * perRow);
  rows.forEach((c, r) => headMask.set(maskFor(c.mask ?? [], spec.numLayers, spec.numHeads), r * perRow));
  const sampled = rows.some((c) => c.sample !== undefined);
  const out = await generate(model.decoder, rows.map(() => prompt), {
    maxNewTokens,
    headMask,
    sampling: sampled ? { ...SAMPLING, seed } : undefined,
    rowSeeds: rows.map((c, r) => c.sample ?? r),
    signal,
  });
  return out.map((ids) => {
    const g = gradeAnswer(tokenizer.decode(ids, { skip_special_tokens: true }), problem.reference);
    return { answer: g.predicted, correct: g.correct };
  });
}

export interface CompareOptions {
  /** Answers per problem and method. */
  maxN?: number;
  /** The N at which pass@N and majority are reported (those above maxN are dropped). */
  ns?: number[];
  maxNewTokens?: number;
  seed?: number;
  signal?: AbortSignal;
  onProblem?: (done: number) => void;
  /** For a MiniLM selector: where its encoder downloads from. */
  encoderSettings?: EncoderSettings;
  /** How the greedy methods' answers are decoded: draft-verified (the default) or plainly, for checking. */
  decode?: DecodeMode;
}

/** SPRINT minus each baseline, paired over the same problems. */
export function pairedAgainstBaselines(attempts: Record<Method, Attempt[][]>, ns: readonly number[], seed = 0): PairedCurve[] {
  const solved = (m: Method, n: number) => attempts[m].map((a) => passAtN(a, n));
  return BASELINES.map((against) => ({
    against,
    points: ns.map((n) => ({ n, diff: pairedBootstrap(solved('sprint', n), solved(against, n), { seed }) })),
    mcnemarAt1: mcnemar(solved('sprint', 1), solved(against, 1)),
  }));
}

/** New tokens per answer when the caller names none. */
export const COMPARE_MAX_NEW_TOKENS = 64;

/** Runs the five methods on held-out problems (never the selector's training questions). */
export async function compareMethods(
  model: LoadedModel,
  selector: SprintSelector,
  problems: SweepProblem[],
  { maxN = 16, ns = [1, 2, 4, 8, 16], maxNewTokens = COMPARE_MAX_NEW_TOKENS, seed = 0, signal, onProblem, encoderSettings, decode }: CompareOptions = {},
): Promise<ComparisonReport> {
  const trained = new Set(selector.trainIds);
  const leaked = problems.filter((p) => trained.has(p.id));
  if (leaked.length) throw new Error(`${leaked.length} of these problems trained the selector (${leaked[0].id}, ...); evaluate on held-out problems only.`);
  const { numLayers, numHeads } = model.spec;
  const rng = new Rng(seed);
  const heads: HeadRef[] = Array.from({ length: numLayers * numHeads }, (_, i) => [Math.floor(i / numHeads), i % numHeads]);
  const candidate = (j: number): Pick => (j < heads.length ? heads[j] : null);
  const fixed = selector.fixedOrder.slice(0, maxN).map(candidate);
  const attempts: Record<Method, Attempt[][]> = { greedy: [], sampling: [], random: [], fixed: [], sprint: [] };
  const picks: ComparisonReport['picks'] = { random: [], fixed: [], sprint: [] };
  const rankings = await rankHeadsFor(model, selector, problems.map((p) => p.question), encoderSettings);
  const settings = { maxNewTokens, seed, signal };
  for (let start = 0; start < problems.length; start += PICK_BLOCK) {
    const block = problems.slice(start, start + PICK_BLOCK);
    const lists = block.map((_, b) => {
      const i = start + b;
      const shuffled = [...heads];
      for (let s = shuffled.length - 1; s > 0; s--) {
        const t = rng.int(0, s);
        [shuffled[s], shuffled[t]] = [shuffled[t], shuffled[s]];
      }
      const sprint = topPicks(rankings[i], maxN).map((h): Pick => (h ? [h.layer, h.head] : null));
      const random = shuffled.slice(0, maxN);
      picks.random.push(random);
      picks.fixed.push(fixed);
      picks.sprint.push(sprint);
      return [[null], random, fixed, sprint];
    });
    const answers = await greedyPicks(model, block, lists, { maxNewTokens, signal, decode });
    for (const [b, problem] of block.entries()) {
      const i = start + b;
      const [greedy, randomAnswers, fixedAnswers, sprintAnswers] = answers[b];
      attempts.greedy.push(Array.from({ length: maxN }, () => greedy[0]));
      attempts.random.push(randomAnswers);
      attempts.fixed.push(fixedAnswers);
      attempts.sprint.push(sprintAnswers);
      attempts.sampling.push(await answer(model, problem, Array.from({ length: maxN }, (_, s) => ({ sample: i * maxN + s })), settings));
      onProblem?.(i + 1);
    }
  }
  const usable = ns.filter((n) => n <= maxN);
  // Left out for sets without families, so their reports read as they always did.
  const families = problems.some((p) => p.family) ? { families: problems.map((p) => p.family ?? null) } : {};
  return {
    ns: usable,
    problems: problems.map((p) => p.id),
    ...families,
    methods: METHODS.map((method) => ({ method, points: bestOfNCurve(attempts[method], usable, seed) })),
    paired: pairedAgainstBaselines(attempts, usable, seed),
    attempts,
    picks,
  };
}
