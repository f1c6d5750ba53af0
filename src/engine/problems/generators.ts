/**
 * The seeded problem generators the CLI (`NAME:COUNT:SEED[:LEVEL]`) and the
 * app's problem source offer, in one table so both name the same ones with
 * the same levels.
 */
import { problemFromMix, problemFromSynthetic, type Problem } from './problem';
import { LEVELS, syntheticProblems, type Level } from './synthetic';
import { MIX_LEVELS, mixProblems, type MixLevel } from './mix/mixProblems';

export type GeneratorName = 'synthetic' | 'mix';

export interface GeneratedSetSpec {
  seed: number;
  count: number;
  /** Fixed number of solution steps; absent draws one per problem. */
  level?: number;
}

export interface Generator {
  /** What the app calls it. */
  label: string;
  /** Plural noun for a set, as in "10 synthetic problems". */
  noun: string;
  levels: readonly number[];
  problems(spec: GeneratedSetSpec): Problem[];
}

export const GENERATORS: Record<GeneratorName, Generator> = {
  synthetic: {
    label: 'Synthetic',
    noun: 'synthetic problems',
    levels: LEVELS,
    problems: ({ seed, count, level }) => syntheticProblems({ seed, count, level: level as Level | undefined }).map(problemFromSynthetic),
  },
  mix: {
    label: 'Mixed families',
    noun: 'mixed-family problems',
    levels: MIX_LEVELS,
    problems: ({ seed, count, level }) => mixProblems({ seed, count, level: level as MixLevel | undefined }).map(problemFromMix),
  },
};

export const GENERATOR_NAMES = Object.keys(GENERATORS) as GeneratorName[];

/** The most problems a generated set may hold, in the app's field and in links: above SPRINT's proposed 600-question training set, with room to grow. */
export const MAX_GENERATED_PROBLEMS = 2000;

/** The level if `generator` has it, else undefined (a level 4 carried over from synthetic is not a mix level). */
export function levelFor(generator: GeneratorName, level: number | undefined): number | undefined {
  return level !== undefined && GENERATORS[generator].levels.includes(level) ? level : undefined;
}
