/**
 * What a selector was trained on, in words a reader can check: how many
 * questions, and which problem set they came from. Generated problems carry
 * their generator and seed in their ids, so a sweep file, which keeps no
 * other record of where its problems came from, still tells them apart.
 */
import type { TrainedOn } from './selectorFormat';

/** Generated ids: `syn-SEED-INDEX` (synthetic.ts) and `mix-SEED-INDEX` (mix/mixProblems.ts). */
const GENERATED_ID = /^(syn|mix)-(\d+)-\d+$/;
const GENERATOR_NAMES: Record<string, string> = { syn: 'synthetic', mix: 'mix' };

/** Longest problem-set description a selector file may carry: it is shown as one line. */
export const MAX_PROBLEMS_TEXT = 200;

/** "synthetic generator, seed 11" when one generator and one seed made every id, else undefined. */
export function generatedSetOf(ids: readonly string[]): string | undefined {
  const sets = new Set(
    ids.map((id) => {
      const m = GENERATED_ID.exec(id);
      return m ? `${GENERATOR_NAMES[m[1]]} generator, seed ${m[2]}` : undefined;
    }),
  );
  const [only] = sets;
  return sets.size === 1 ? only : undefined;
}

/**
 * The provenance a newly trained selector records.
 * @param fallback the problem set in words when the ids do not name one (the CLI passes the sweep file's name)
 */
export function trainedOnFor(ids: readonly string[], fallback = "the sweep's problems"): TrainedOn {
  return { count: ids.length, problems: (generatedSetOf(ids) ?? fallback).slice(0, MAX_PROBLEMS_TEXT) };
}
