/**
 * Seeds of the synthetic problem splits. Training, validation and held-out
 * problems come from disjoint seeds, and the training corpus also drops any
 * question whose text occurs in the first EVAL_SPLIT_SIZE problems of the
 * validation or held-out seeds (training/write-corpus.ts), so that a short
 * level-1 question drawn twice cannot leak across splits.
 */
export const HELD_OUT_SEED = 7;
export const VALIDATION_SEED = 3;
/** Training shard k uses seed TRAINING_SEED_BASE + k. */
export const TRAINING_SEED_BASE = 1000;
export const EVAL_SPLIT_SIZE = 2000;

/** Training seed of the mixed-family corpus (headlab-mix-6x8). */
export const MIX_TRAINING_SEED = 2000;
/**
 * Seeds whose first EVAL_SPLIT_SIZE mix questions (any level) the mix
 * corpus drops: validation, the sweep and selector seeds, and held-out
 * seeds, among them ones kept unused for reported results.
 */
export const MIX_EVAL_SEEDS = [7, 11, 13, 17, 23, 29, 31] as const;
