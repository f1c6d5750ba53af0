/**
 * The mixed-family generator (`mix:COUNT:SEED[:LEVEL]`): eight problem
 * families, each with its own sentences, distractor and noisy shortcut, so
 * that a model trained on them can have head effects that depend on the
 * question. `synthetic` (synthetic.ts) is untouched by it.
 */
import { mixSeed, Rng } from '../rng';
import { drawCast, MIX_LEVELS, type MixLevel } from './familyKit';
import { FAMILIES, FAMILY_MAKERS, type Family } from './families';

/** Share of problems that carry their family's distractor sentence. */
export const DISTRACTED_SHARE = 0.35;

/** One mixed-family problem; `answer` is GSM8K's answer field (solution + `#### N`). */
export interface MixProblem {
  id: string;
  question: string;
  answer: string;
  level: MixLevel;
  final: number;
  family: Family;
  /** Whether the question holds the family's distractor sentence. */
  distracted: boolean;
  /** The family's noisy shortcut solution (training data only); present when distracted. */
  shortcut?: { answer: string; final: number };
}

export interface MixSpec {
  seed: number;
  count: number;
  /** Fixed number of solution lines; when absent each problem draws 1..3. */
  level?: MixLevel;
}

/** Problem `index` of `seed`: the same pair always gives the same problem. */
export function mixProblem(seed: number, index: number, level?: MixLevel): MixProblem {
  // A stream of its own, so mix seed 7 and synthetic seed 7 draw unrelated numbers.
  const rng = new Rng(mixSeed(mixSeed(seed, index), 0x6d6978));
  const family = rng.pick(FAMILIES);
  const steps = level ?? rng.pick(MIX_LEVELS);
  const distracted = rng.chance(DISTRACTED_SHARE);
  const draft = FAMILY_MAKERS[family](rng, drawCast(rng), steps, distracted);
  const question = [...draft.sentences, draft.ask].join(' ');
  const solution = (lines: string[], final: number) => `${lines.join('\n')}\n#### ${final}`;
  return {
    id: `mix-${seed}-${index}`,
    question,
    answer: solution(draft.lines, draft.final),
    level: draft.lines.length as MixLevel,
    final: draft.final,
    family,
    distracted,
    shortcut: draft.shortcut && { answer: solution(draft.shortcut.lines, draft.shortcut.final), final: draft.shortcut.final },
  };
}

/** `count` problems of `seed`, numbered 0..count-1. */
export function mixProblems(spec: MixSpec): MixProblem[] {
  return Array.from({ length: spec.count }, (_, i) => mixProblem(spec.seed, i, spec.level));
}

export { FAMILIES, type Family, MIX_LEVELS, type MixLevel };
