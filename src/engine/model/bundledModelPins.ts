/**
 * The bundled model's greedy answers to held-out problems 0..7 of HELD_OUT_SEED,
 * as onnxruntime-node gives them (regenerate with `npx tsx training/print-pins.ts`
 * after retraining). The browser tests expect the same text on WASM and WebGPU.
 */
export const PINNED_ANSWERS: readonly string[] = [
  "15 * 2 = 30.\n30 / 2 = 10.\n10 * 3 = 30.\n#### 30",
  "12 - 8 = 4.\n4 + 9 = 13.\n13 - 9 = 4.\n4 - 2 = 2.\n#### 2",
  "13 + 10 = 23.\n23 * 4 = 92.\n#### 92",
  "15 + 9 = 24.\n24 / 3 = 8.\n8 * 4 = 32.\n#### 32",
  "11 - 2 = 9.\n9 - 8 = 1.\n#### 1",
  "17 * 2 = 34.\n34 / 2 = 17.\n17 + 13 = 20.\n#### 20",
  "18 + 9 = 27.\n27 - 9 = 18.\n18 / 2 = 9.\n#### 9",
  "9 - 3 = 6.\n6 * 4 = 24.\n#### 24"
];
