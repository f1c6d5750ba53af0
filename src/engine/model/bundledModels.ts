/**
 * The models shipped in public/models/, each with what it is for. Two
 * controls for SPRINT: one where the helpful head depends on the question
 * (so per-question picks should beat one fixed order) and one where it
 * does not (so they should not). Plain data, shared by the UI, the URL and
 * the tests.
 */

/** The problem generator a bundled model was trained on, and is best asked from. */
export type BundledProblems = 'mix' | 'synthetic';

export interface BundledModel {
  /** Its folder under public/models/: the name the app shows and the URL's `model=` carries. */
  name: string;
  /** One line on what the model is for. */
  purpose: string;
  /** Its default problem generator. */
  problems: BundledProblems;
}

/** The file beside a bundled model that holds the SPRINT selector shipped with it. */
export const SHIPPED_SELECTOR_FILE = 'sprint-selector.json';

/** Every bundled model; the first is the default. */
export const BUNDLED_MODELS: readonly BundledModel[] = [
  {
    name: 'headlab-mix-6x8',
    purpose: "positive control: trained so that the helpful head depends on the question's problem family; SPRINT's picks differ per question",
    problems: 'mix',
  },
  {
    name: 'headlab-math-6x8',
    purpose: 'negative control: head effects barely depend on the question; SPRINT falls back to one fixed order',
    problems: 'synthetic',
  },
];

/** The model the app loads when the URL names none. */
export const DEFAULT_BUNDLED_MODEL = BUNDLED_MODELS[0].name;

/** The negative control, which the teaching demo and the pinned answers describe. */
export const MATH_MODEL = 'headlab-math-6x8';

/** The registry entry for a bundled folder name, if it is one. */
export function bundledModel(name: string): BundledModel | undefined {
  return BUNDLED_MODELS.find((m) => m.name === name);
}
