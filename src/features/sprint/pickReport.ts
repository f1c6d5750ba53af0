/**
 * What the SPRINT panel may say about a ranking, kept apart from the React
 * view so it can be tested: chances no more certain than the calibration
 * supports, the headline taken from the same list the table shows, and
 * whether the order is the selector's own or its fixed fallback.
 */
import { DEFAULT_FIT } from '../../engine/sprint/fitSelector';
import type { HeadRanking, RankedHead, SprintSelector } from '../../engine/sprint/selectorFormat';

/** Below this many training questions the panel warns beside the picks (the panel asks for 500 to tell methods apart). */
export const FEW_TRAINING_QUESTIONS = 100;

/** How certain a shown chance may be: a selector calibrated on `validation` questions cannot tell p from 0 below `lo`, nor from 1 above `hi`. */
export interface ChanceBounds {
  validation: number;
  lo: number;
  hi: number;
}

/**
 * The bounds for a selector's chances. Platt scaling is fitted on the validation share
 * (fitSelector's splitValidation, DEFAULT_FIT's share of the training questions); with v of
 * them, Laplace's rule puts the most extreme supportable rate at 1 / (v + 2) from 0 or 1.
 */
export function chanceBounds(selector: SprintSelector): ChanceBounds {
  const n = selector.trainIds.length;
  const validation = Math.min(n - 1, Math.max(1, Math.round(n * DEFAULT_FIT.validationShare)));
  const lo = 1 / (validation + 2);
  return { validation, lo, hi: 1 - lo };
}

/** A chance in words: "37%", or "under 2%" / "over 98%" where it lies beyond what the calibration supports; never 0% or 100%. */
export function chanceText(p: number, bounds: ChanceBounds): string {
  if (p < bounds.lo) return `under ${Math.max(1, Math.ceil(100 * bounds.lo))}%`;
  if (p > bounds.hi) return `over ${Math.min(99, Math.floor(100 * bounds.hi))}%`;
  return `${Math.min(99, Math.max(1, Math.round(100 * p)))}%`;
}

/** chanceText bounded by `selector`'s calibration, or plain rounding when there is none. */
export function chanceOf(selector: SprintSelector | undefined): (p: number) => string {
  const bounds = selector ? chanceBounds(selector) : { validation: 0, lo: 0, hi: 1 };
  return (p) => chanceText(p, bounds);
}

/** Whether the validation share chose the fixed order: then every question gets the same order and only the chances move. */
export function usesFixedOrder(selector: SprintSelector): boolean {
  return selector.beta === 0 && selector.betaFirst === 0;
}

/** The headline for a ranking: its first pick, the row "Run top-N" tries first, so it is always in the list. */
export function headlineText(first: RankedHead | null, ranking: HeadRanking, bounds: ChanceBounds): string {
  const none = chanceText(ranking.none.score, bounds);
  if (first === null) {
    return `SPRINT's first pick for this question is to prune nothing (estimated chance ${none}); the pruned picks below are extra attempts for best-of-N.`;
  }
  return `SPRINT's first pick for this question: prune layer ${first.layer} head ${first.head} (estimated chance ${chanceText(first.score, bounds)}, against ${none} with nothing pruned).`;
}

/** Why a pick whose own chance is below the calibration's floor is in the list at all; undefined for the others. */
export function lowPickReason(pick: RankedHead, bounds: ChanceBounds): string | undefined {
  if (pick.score >= bounds.lo) return undefined;
  return 'unlikely on its own: it is in the order because it was right on training questions the picks above got wrong';
}
