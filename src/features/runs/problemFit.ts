/**
 * What the panel says about a problem set before it runs: whether the
 * loaded model is the kind that can answer it at all, and how long a
 * comparison will take.
 */
import { bundledModel } from '../../engine/model/bundledModels';
import type { ModelSource } from '../../engine/model/modelSource';
import type { Problem, ProblemSource } from '../../engine/problems/problem';

const DATASET_NAMES: Partial<Record<ProblemSource, string>> = { gsm8k: 'GSM8K', math500: 'MATH500' };

/**
 * A warning when a bundled model is asked a real data set: it knows only its own generator's
 * words and format, so it scores near 0 there (0 of 20 GSM8K problems, issue 20).
 */
export function domainWarning(source: ModelSource | undefined, problems: readonly Problem[]): string | undefined {
  if (source?.kind !== 'bundled') return undefined;
  const model = bundledModel(source.name);
  const datasets = [...new Set(problems.map((p) => DATASET_NAMES[p.source]).filter((n): n is string => !!n))];
  if (!model || datasets.length === 0) return undefined;
  return (
    `${model.name} was trained only on the ${model.problems} generator's questions: it knows their words and answer format, not ` +
    `${datasets.join(' or ')}'s, so expect it to score near 0 here. Load a Hub model (a Qwen2.5 or SmolLM2 export) to ask ${datasets.join(' or ')}.`
  );
}

/** Answers per second of a WASM sweep in headless Chromium (bench/README.md, browser sweep, plain path), when this browser has measured none. */
export const FALLBACK_ANSWERS_PER_SECOND = 60;

/** A speed this browser measured, and on what. */
export interface MeasuredRate {
  perSecond: number;
  /** "its last comparison", "its sweep" */
  on: string;
}

/**
 * The comparison's cost in one sentence: two passes over the problems.
 * @param measured answers per second this browser measured (its last comparison, else its sweep's cells), if any
 */
export function comparisonEstimate(problems: number, measured: MeasuredRate | undefined): string {
  const answers = 2 * problems;
  const speed = measured && measured.perSecond > 0 ? measured.perSecond : FALLBACK_ANSWERS_PER_SECOND;
  const seconds = answers / speed;
  const time = seconds < 60 ? `about ${Math.max(1, Math.round(seconds))} s` : `about ${Math.ceil(seconds / 60)} min`;
  const at = measured && measured.perSecond > 0
    ? `this browser's ${speed.toFixed(0)} answers per second (${measured.on})`
    : `about ${FALLBACK_ANSWERS_PER_SECOND} answers per second, a WASM sweep's speed (this browser has measured none yet)`;
  return `${answers} answers in all, ${time} at ${at}.`;
}
