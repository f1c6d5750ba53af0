/**
 * The bundled model's greedy answers to held-out problems 0..7 of HELD_OUT_SEED,
 * as onnxruntime-node gives them (regenerate with `npx tsx training/print-pins.ts`
 * after retraining). The browser tests expect the same text on WASM and WebGPU.
 */
export const PINNED_ANSWERS: readonly string[] = [
  "14 * 2 = 20.\n14 * 2 = 20.\n14 * 2 = 20.\n#### 20",
  "11 - 2 = 1.\n1 + 12 = 12.\n11 + 12 = 12.\n11 + 12 = 22.\n#### 12",
  "12 + 12 = 12.\n12 + 12 = 22.\n#### 12",
  "12 + 12 = 12.\n12 + 12 = 12.\n12 + 12 = 20.\n12 + 12 = 20.\n#### 12",
  "11 + 11 = 11.\n11 + 11 = 12.\n11 + 12 = 12.\n#### 12",
  "12 + 14 = 14.\n12 + 14 = 20.\n12 + 14 = 20.\n#### 20",
  "12 + 12 = 12.\n12 + 12 = 12.\n12 + 12 = 12.\n12 + 12 = 20.\n#### 12",
  "2 + 12 = 12.\n12 + 12 = 22.\n12 + 12 = 20.\n#### 20"
];
