/**
 * What an evaluation will cost, said before it starts: generations per
 * problem and a time estimate from this browser's own sweep speed (or the
 * WASM figure bench/browserSweep.ts measured when there is none yet).
 */

/** Below this many held-out problems, a 95% interval spans 30 points or more: the view warns. */
export const FEW_PROBLEMS = 100;

/** Cells per second of a WASM sweep in headless Chromium (bench/README.md, browser sweep). */
const FALLBACK_RATE = 60;

/**
 * @param rate measured generations (sweep cells) per second, if any
 * @returns one sentence
 */
export function evaluationEstimate(problems: number, maxN: number, rate: number | undefined): string {
  // Greedy, random, fixed and SPRINT share picks, and each distinct pick is generated once; sampling adds maxN.
  const perProblem = 1 + 3 * maxN + maxN;
  const generations = problems * perProblem;
  const speed = rate && rate > 0 ? rate : FALLBACK_RATE;
  const minutes = generations / speed / 60;
  const time = minutes < 1 ? 'under a minute' : `about ${Math.ceil(minutes)} min`;
  return (
    `Each problem gets ${maxN} answers per method: up to ${perProblem} generations, ` +
    `${generations} in all, ${time} at ${rate ? `this browser's sweep speed (${speed.toFixed(0)} per second)` : `about ${FALLBACK_RATE} per second (WASM)`}.`
  );
}
