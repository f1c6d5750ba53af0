/**
 * What every mix family builds from: a seeded draw of names and items, the
 * follow-up steps that raise a problem's level, and the shape a family
 * returns. Each family writes its own sentences and its own distractor.
 */
import type { Rng } from '../rng';
import { ITEMS, NAMES } from '../vocabulary';

/** Largest quantity any sentence or solution line may hold, as in `synthetic`. */
export const MIX_MAX_VALUE = 99;

/** Mix levels: the number of arithmetic lines in the solution. */
export type MixLevel = 1 | 2 | 3;
export const MIX_LEVELS: readonly MixLevel[] = [1, 2, 3];

/** The people and things one problem talks about, all distinct. */
export interface Cast {
  who: string;
  friend: string;
  third: string;
  item: string;
}

export function drawCast(rng: Rng): Cast {
  const who = rng.pick(NAMES);
  const friend = distinct(rng, NAMES, [who]);
  const third = distinct(rng, NAMES, [who, friend]);
  return { who, friend, third, item: rng.pick(ITEMS) };
}

function distinct<T>(rng: Rng, items: readonly T[], not: readonly T[]): T {
  let v = rng.pick(items);
  while (not.includes(v)) v = rng.pick(items);
  return v;
}

/**
 * One family's problem before assembly: its sentences (the distractor, when
 * drawn, already placed), the question, the clean solution lines and, when
 * distracted, the lines of the family's noisy shortcut.
 */
export interface FamilyDraft {
  sentences: string[];
  ask: string;
  lines: string[];
  final: number;
  shortcut?: { lines: string[]; final: number };
}

/** One follow-up step's sentence for a value change of `n` (positive: more). */
export type FollowUp = (n: number) => string;

/**
 * Appends `count` follow-up steps after the core line, each applied to the
 * clean chain and to the shortcut chain alike, so the two solutions differ
 * only where the shortcut copied the distractor. Steps stay within
 * 0..MIX_MAX_VALUE on both chains.
 */
export function followUps(
  rng: Rng, draft: FamilyDraft, count: number, more: FollowUp, fewer: FollowUp | null,
): FamilyDraft {
  let x = draft.final;
  let s = draft.shortcut?.final;
  const lines = [...draft.lines];
  const cut = draft.shortcut ? [...draft.shortcut.lines] : undefined;
  const sentences = [...draft.sentences];
  for (let i = 0; i < count; i++) {
    const top = Math.max(x, s ?? 0);
    const low = Math.min(x, s ?? x);
    const canAdd = top <= MIX_MAX_VALUE - 2;
    const canSub = fewer !== null && low >= 3;
    if (!canAdd && !canSub) break;
    const sub = canSub && (!canAdd || rng.chance(0.5));
    const n = sub ? rng.int(2, Math.min(15, low - 1)) : rng.int(2, Math.min(15, MIX_MAX_VALUE - top));
    sentences.push(sub ? fewer!(n) : more(n));
    const op = sub ? '-' : '+';
    const apply = (v: number) => (sub ? v - n : v + n);
    lines.push(`${x} ${op} ${n} = ${apply(x)}.`);
    x = apply(x);
    if (cut && s !== undefined) {
      cut.push(`${s} ${op} ${n} = ${apply(s)}.`);
      s = apply(s);
    }
  }
  return { ...draft, sentences, lines, final: x, shortcut: cut && s !== undefined ? { lines: cut, final: s } : undefined };
}

/** Inserts the distractor at a drawn place among the first sentences (never first). */
export function placeDistractor(rng: Rng, sentences: string[], distractor: string): string[] {
  const at = rng.int(1, sentences.length);
  return [...sentences.slice(0, at), distractor, ...sentences.slice(at)];
}
