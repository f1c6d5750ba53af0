/**
 * Seeded generator of GSM8K-style arithmetic word problems: a question, a
 * step-by-step solution (one arithmetic line per step) and a final line
 * `#### <answer>`. Distractor sentences add irrelevant quantities, the kind of
 * noisy association that arXiv 2406.03068 finds stored in weight components
 * whose removal helps reasoning: they give pruning something real to change.
 */
import { mixSeed, Rng } from './rng';
import { ITEMS, NAMES } from './vocabulary';

export type Level = 1 | 2 | 3 | 4;
export const LEVELS: readonly Level[] = [1, 2, 3, 4];

/** One problem; `answer` is GSM8K's answer field (solution + `#### N`). */
export interface SyntheticProblem {
  id: string;
  question: string;
  answer: string;
  level: Level;
  /** The final numeric answer, as in the `####` line. */
  final: number;
}

export interface SyntheticSpec {
  seed: number;
  count: number;
  /** Fixed number of steps; when absent each problem draws a level 1..4. */
  level?: Level;
}

/** Largest quantity any sentence or step may hold: two-digit arithmetic. */
export const MAX_VALUE = 99;

interface Step {
  sentence: string;
  line: string;
  value: number;
}

type StepMaker = (rng: Rng, x: number, who: string, friend: string, item: string) => Step | null;

const add: StepMaker = (rng, x, who, friend, item) => {
  const n = rng.int(2, Math.min(20, MAX_VALUE - x));
  if (n < 2) return null;
  const sentence = rng.pick([
    `${who} buys ${n} more ${item}.`,
    `${who} finds ${n} more ${item}.`,
    `${friend} gives ${who} ${n} ${item}.`,
  ]);
  return { sentence, line: `${x} + ${n} = ${x + n}.`, value: x + n };
};

const subtract: StepMaker = (rng, x, who, friend, item) => {
  if (x < 3) return null;
  const n = rng.int(2, Math.min(20, x - 1));
  const sentence = rng.pick([
    `${who} gives ${n} ${item} to ${friend}.`,
    `${who} loses ${n} ${item}.`,
    `${who} uses ${n} ${item}.`,
  ]);
  return { sentence, line: `${x} - ${n} = ${x - n}.`, value: x - n };
};

const multiply: StepMaker = (rng, x, who, _friend, item) => {
  const k = rng.int(2, 4);
  if (x * k > MAX_VALUE) return null;
  const sentence = `${who} now has ${k} times as many ${item} as before.`;
  return { sentence, line: `${x} * ${k} = ${x * k}.`, value: x * k };
};

const divide: StepMaker = (rng, x, who, _friend, item) => {
  const k = rng.int(2, 4);
  if (x % k !== 0 || x / k < 2) return null;
  const sentence = `${who} splits the ${item} equally into ${k} boxes and keeps one box.`;
  return { sentence, line: `${x} / ${k} = ${x / k}.`, value: x / k };
};

/** Weighted: additions and subtractions dominate, as in grade-school sets. */
const STEP_MAKERS: readonly StepMaker[] = [add, add, add, subtract, subtract, subtract, multiply, divide];

function distractor(rng: Rng, who: string, friend: string, item: string, other: string): string {
  const n = rng.int(2, 30);
  return rng.pick([
    `${friend} has ${n} ${other}.`,
    `${who} also has ${n} ${other}.`,
    `${friend} has ${n} ${item}.`,
    `The store sells ${n} ${item} every day.`,
    `${who} is ${n} years old.`,
  ]);
}

function distinct<T>(rng: Rng, items: readonly T[], not: T): T {
  let v = rng.pick(items);
  while (v === not) v = rng.pick(items);
  return v;
}

/** Problem `index` of `seed`: the same pair always gives the same problem. */
export function syntheticProblem(seed: number, index: number, level?: Level): SyntheticProblem {
  const rng = new Rng(mixSeed(seed, index));
  const steps = level ?? rng.pick(LEVELS);
  const who = rng.pick(NAMES);
  const friend = distinct(rng, NAMES, who);
  const item = rng.pick(ITEMS);
  const other = distinct(rng, ITEMS, item);

  let x = rng.int(2, 20);
  const sentences = [`${who} has ${x} ${item}.`];
  const lines: string[] = [];
  while (lines.length < steps) {
    const step = rng.pick(STEP_MAKERS)(rng, x, who, friend, item);
    if (!step) continue;
    sentences.push(step.sentence);
    lines.push(step.line);
    x = step.value;
  }

  const noise = rng.pick([0, 0, 1, 1, 2]);
  for (let i = 0; i < noise; i++) {
    const at = rng.int(1, sentences.length);
    sentences.splice(at, 0, distractor(rng, who, friend, item, other));
  }

  sentences.push(`How many ${item} does ${who} have now?`);
  return {
    id: `syn-${seed}-${index}`,
    question: sentences.join(' '),
    answer: `${lines.join('\n')}\n#### ${x}`,
    level: steps,
    final: x,
  };
}

/** `count` problems of `seed`, numbered 0..count-1. */
export function syntheticProblems(spec: SyntheticSpec): SyntheticProblem[] {
  return Array.from({ length: spec.count }, (_, i) => syntheticProblem(spec.seed, i, spec.level));
}
