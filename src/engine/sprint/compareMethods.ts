/**
 * SPRINT's evaluation on held-out questions: N answers per question from
 * four methods, graded, then pass@N and majority vote for each N.
 *   greedy     the unpruned model's one greedy answer, repeated (N does not help it)
 *   sampling   N samples, temperature 0.9, top-p 0.95, top-k 40 (the original's baseline)
 *   random     N greedy answers, each with one random head pruned
 *   sprint     N greedy answers, each with one of the selector's top-N heads pruned
 */
import type { LoadedModel } from '../model/loadModel';
import { generate } from '../model/generate';
import { buildPromptIds } from '../model/prompt';
import { gradeAnswer } from '../grading/gradeAnswer';
import { Rng } from '../problems/rng';
import { maskFor, type HeadRef, type SweepProblem } from '../sweep/sweepSchema';
import { bestOfNCurve, type Attempt, type Estimate } from './bestOfN';
import { rankHeadsFor } from './sprintSelector';
import type { SprintSelector } from './selectorFormat';
import type { EncoderSettings } from './questionEncoder';

export const METHODS = ['greedy', 'sampling', 'random', 'sprint'] as const;
export type Method = (typeof METHODS)[number];

export const SAMPLING = { temperature: 0.9, topP: 0.95, topK: 40 };

export interface MethodCurve {
  method: Method;
  points: { n: number; passAtN: Estimate; majority: Estimate }[];
}

export interface ComparisonReport {
  ns: number[];
  problems: string[];
  methods: MethodCurve[];
  /** Per method, per problem, the N attempts' answers. */
  attempts: Record<Method, Attempt[][]>;
}

interface AttemptSettings {
  maxNewTokens: number;
  seed: number;
  signal?: AbortSignal;
}

async function attemptsFor(model: LoadedModel, problem: SweepProblem, configs: { mask?: HeadRef[]; sample?: number }[], { maxNewTokens, seed, signal }: AttemptSettings): Promise<Attempt[]> {
  const { spec, tokenizer } = model;
  const prompt = buildPromptIds(tokenizer, problem.question, spec, maxNewTokens);
  const headMask = new Float32Array(configs.length * spec.numLayers * spec.numHeads);
  configs.forEach((c, r) => headMask.set(maskFor(c.mask ?? [], spec.numLayers, spec.numHeads), r * spec.numLayers * spec.numHeads));
  const sampled = configs.some((c) => c.sample !== undefined);
  const rows = await generate(model.decoder, configs.map(() => prompt), {
    maxNewTokens,
    headMask,
    sampling: sampled ? { ...SAMPLING, seed } : undefined,
    rowSeeds: configs.map((c, r) => c.sample ?? r),
    signal,
  });
  return rows.map((ids) => {
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
}

/** Runs the four methods on held-out problems (never the selector's training questions). */
export async function compareMethods(
  model: LoadedModel,
  selector: SprintSelector,
  problems: SweepProblem[],
  { maxN = 16, ns = [1, 2, 4, 8, 16], maxNewTokens = 64, seed = 0, signal, onProblem, encoderSettings }: CompareOptions = {},
): Promise<ComparisonReport> {
  const trained = new Set(selector.trainIds);
  const leaked = problems.filter((p) => trained.has(p.id));
  if (leaked.length) throw new Error(`${leaked.length} of these problems trained the selector (${leaked[0].id}, ...); evaluate on held-out problems only.`);
  const { numLayers, numHeads } = model.spec;
  const rng = new Rng(seed);
  const attempts: Record<Method, Attempt[][]> = { greedy: [], sampling: [], random: [], sprint: [] };
  const rankings = await rankHeadsFor(model, selector, problems.map((p) => p.question), encoderSettings);
  for (const [i, problem] of problems.entries()) {
    const settings = { maxNewTokens, seed, signal };
    const [greedy] = await attemptsFor(model, problem, [{}], settings);
    attempts.greedy.push(Array.from({ length: maxN }, () => greedy));
    attempts.sampling.push(await attemptsFor(model, problem, Array.from({ length: maxN }, (_, s) => ({ sample: i * maxN + s })), settings));
    const random = Array.from({ length: maxN }, () => ({ mask: [[rng.int(0, numLayers - 1), rng.int(0, numHeads - 1)]] as HeadRef[] }));
    attempts.random.push(await attemptsFor(model, problem, random, settings));
    const ranked = rankings[i];
    attempts.sprint.push(await attemptsFor(model, problem, ranked.slice(0, maxN).map((h) => ({ mask: [[h.layer, h.head]] as HeadRef[] })), settings));
    onProblem?.(i + 1);
  }
  const usable = ns.filter((n) => n <= maxN);
  return {
    ns: usable,
    problems: problems.map((p) => p.id),
    methods: METHODS.map((method) => ({ method, points: bestOfNCurve(attempts[method], usable, seed) })),
    attempts,
  };
}
