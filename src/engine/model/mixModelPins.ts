/**
 * headlab-mix-6x8's greedy answers to held-out mix problems 0..7 of
 * HELD_OUT_SEED, as onnxruntime-node gives them (regenerate with
 * `npx tsx training/print-pins.ts --mix` after retraining).
 */
export const MIX_PINNED_ANSWERS: readonly string[] = [
  "9 * 3 = 27.\n27 - 14 = 13.\n13 - 9 = 4.\n#### 4",
  "9 * 4 = 36.\n36 - 12 = 24.\n24 + 6 = 30.\n#### 30",
  "36 + 4 = 40.\n40 + 9 = 49.\n49 - 11 = 38.\n#### 38",
  "7 * 3 = 21.\n21 + 5 = 26.\n#### 26",
  "7 * 7 = 49.\n#### 49",
  "5 * 4 = 20.\n20 + 12 = 32.\n32 + 2 = 34.\n#### 34",
  "6 / 2 = 3.\n3 - 2 = 1.\n1 + 2 = 3.\n#### 3",
  "8 + 13 = 21.\n21 + 6 = 27.\n27 + 7 = 34.\n#### 34",
];

/**
 * The heads the training routed each family's noisy shortcut through
 * (training/train-mix.sh, --gate-heads), in FAMILIES order: totals 1.2,
 * price 2.5, compare 3.0, rate 4.6, share 1.7, ages 2.3, weeks 3.4, groups 4.1.
 */
export const MIX_PLANTED_HEADS: Readonly<Record<string, [number, number]>> = {
  totals: [1, 2], price: [2, 5], compare: [3, 0], rate: [4, 6], share: [1, 7], ages: [2, 3], weeks: [3, 4], groups: [4, 1],
};
