/**
 * The problem shape every problem source is loaded into: what the solve,
 * evaluate and sweep code needs to ask a question and grade the answer.
 */
import type { SyntheticProblem } from './synthetic';
import type { MixProblem } from './mix/mixProblems';

export type ProblemSource = 'gsm8k' | 'math500' | 'synthetic' | 'mix' | 'pasted';

export interface Problem {
  /** Unique within one loaded set: a data set's own id, else `<source>-<line>`. */
  id: string;
  question: string;
  /** The final answer only (`72`, `\frac{3}{4}`), as the grader compares it. */
  reference: string;
  /** The worked solution, when the source has one. */
  solution?: string;
  source: ProblemSource;
  /** Difficulty: 1..4 for synthetic problems, 1..3 for mix, 1..5 for MATH; a string when the data says something else. */
  level?: number | string;
  /** MATH subject, such as "Algebra" or "Precalculus". */
  subject?: string;
  /** The mix generator's problem family ("price", "ages", ...), so results can be split by kind of question. */
  family?: string;
}

/** One line's problem that could not be loaded, and why. Lines count from 1. */
export interface LineError {
  line: number;
  message: string;
}

/** The problems that loaded from a JSONL text, and one error per line that did not. */
export interface ParsedProblems {
  problems: Problem[];
  errors: LineError[];
}

/** A generated synthetic problem in the common shape; its reference is the `####` number. */
export function problemFromSynthetic(p: SyntheticProblem): Problem {
  return {
    id: p.id,
    question: p.question,
    reference: String(p.final),
    solution: p.answer,
    source: 'synthetic',
    level: p.level,
  };
}

/**
 * A generated mixed-family problem in the common shape. The noisy shortcut
 * and the distractor flag stay behind: they are training data, and a
 * grader or view that saw them could be steered by them.
 */
export function problemFromMix(p: MixProblem): Problem {
  return {
    id: p.id,
    question: p.question,
    reference: String(p.final),
    solution: p.answer,
    source: 'mix',
    level: p.level,
    family: p.family,
  };
}
