/**
 * The mix families: eight kinds of word problem, each with its own sentence
 * forms, its own kind of distractor and its own noisy shortcut (the
 * distractor's quantity copied into the core step). The shortcut is what a
 * fraction of the positive-control model's training solutions wrote; see
 * public/models/headlab-mix-6x8/README.md.
 */
import type { Rng } from '../rng';
import { CONTAINERS } from '../vocabulary';
import { followUps, placeDistractor, type Cast, type FamilyDraft } from './familyKit';

export const FAMILIES = ['totals', 'price', 'compare', 'rate', 'share', 'ages', 'weeks', 'groups'] as const;
export type Family = (typeof FAMILIES)[number];

/** Draws one family's problem with `level - 1` follow-up steps; `distracted` adds its distractor. */
type FamilyMaker = (rng: Rng, c: Cast, level: number, distracted: boolean) => FamilyDraft;

/** An operand for the shortcut that differs from the real one. */
function other(rng: Rng, lo: number, hi: number, not: number): number {
  let v = rng.int(lo, hi);
  while (v === not) v = rng.int(lo, hi);
  return v;
}

const totals: FamilyMaker = (rng, { who, friend, item }, level, distracted) => {
  const a = rng.int(3, 30);
  const b = rng.int(2, 20);
  const d = other(rng, 3, 30, a);
  let sentences = [`${who} has ${a} ${item}.`, `${who} buys ${b} more ${item}.`];
  if (distracted) sentences = placeDistractor(rng, sentences, `${friend} has ${d} ${item}.`);
  return followUps(rng, {
    sentences, ask: `How many ${item} does ${who} have now?`,
    lines: [`${a} + ${b} = ${a + b}.`], final: a + b,
    shortcut: distracted ? { lines: [`${d} + ${b} = ${d + b}.`], final: d + b } : undefined,
  }, level - 1, (n) => `${who} finds ${n} more ${item}.`, (n) => `${who} loses ${n} ${item}.`);
};

const price: FamilyMaker = (rng, { who, item }, level, distracted) => {
  const p = rng.int(2, 9);
  const q = rng.int(2, 9);
  const d = other(rng, 2, 9, q);
  let sentences = [`The ${item} cost ${p} dollars each.`, `${who} buys ${q} ${item}.`];
  if (distracted) sentences = placeDistractor(rng, sentences, `The shop has ${d} ${item} left.`);
  return followUps(rng, {
    sentences, ask: `How many dollars does ${who} pay?`,
    lines: [`${q} * ${p} = ${q * p}.`], final: q * p,
    shortcut: distracted ? { lines: [`${d} * ${p} = ${d * p}.`], final: d * p } : undefined,
  }, level - 1, (n) => `${who} also pays ${n} dollars for a lunch.`, (n) => `${who} gets ${n} dollars off.`);
};

/** "How many more": extra steps change the first person's count before the comparison. */
const compare: FamilyMaker = (rng, { who, friend, third, item }, level, distracted) => {
  const b = rng.int(2, 30);
  const d = other(rng, 2, 30, b);
  let a = Math.max(b, d) + rng.int(2, 30);
  const sentences = [`${who} has ${a} ${item}.`];
  const lines: string[] = [];
  for (let i = 1; i < level; i++) {
    const n = rng.int(2, 12);
    sentences.push(`${who} finds ${n} more ${item}.`);
    lines.push(`${a} + ${n} = ${a + n}.`);
    a += n;
  }
  sentences.push(`${friend} has ${b} ${item}.`);
  const placed = distracted ? placeDistractor(rng, sentences, `${third} has ${d} ${item}.`) : sentences;
  return {
    sentences: placed, ask: `How many more ${item} does ${who} have than ${friend}?`,
    lines: [...lines, `${a} - ${b} = ${a - b}.`], final: a - b,
    shortcut: distracted ? { lines: [...lines, `${a} - ${d} = ${a - d}.`], final: a - d } : undefined,
  };
};

const rate: FamilyMaker = (rng, { who }, level, distracted) => {
  const r = rng.int(2, 9);
  const t = rng.int(2, 9);
  const d = other(rng, 2, 9, t);
  let sentences = [`${who} reads ${r} pages every day.`, `${who} reads for ${t} days.`];
  if (distracted) sentences = placeDistractor(rng, sentences, `The book has ${d} chapters.`);
  return followUps(rng, {
    sentences, ask: `How many pages does ${who} read?`,
    lines: [`${r} * ${t} = ${r * t}.`], final: r * t,
    shortcut: distracted ? { lines: [`${r} * ${d} = ${r * d}.`], final: r * d } : undefined,
  }, level - 1, (n) => `${who} then reads ${n} more pages.`, null);
};

const share: FamilyMaker = (rng, { who, item }, level, distracted) => {
  const k = rng.int(2, 6);
  const d = other(rng, 2, 6, k);
  const unit = distracted ? lcm(k, d) : k;
  const total = unit * rng.int(1, Math.floor(90 / unit));
  const box = rng.pick(CONTAINERS);
  let sentences = [`${who} has ${total} ${item}.`, `${who} shares the ${item} equally with ${k} friends.`];
  if (distracted) sentences = placeDistractor(rng, sentences, `${who} has ${d} ${box}.`);
  return followUps(rng, {
    sentences, ask: `How many ${item} does each friend get?`,
    lines: [`${total} / ${k} = ${total / k}.`], final: total / k,
    shortcut: distracted ? { lines: [`${total} / ${d} = ${total / d}.`], final: total / d } : undefined,
  }, level - 1, (n) => `Each friend then finds ${n} more ${item}.`, (n) => `Each friend then loses ${n} ${item}.`);
};

/** Ages: extra steps add one more person, older than the last by some years. */
const ages: FamilyMaker = (rng, { who, friend, third }, level, distracted) => {
  const a = rng.int(4, 15);
  const d = other(rng, 4, 15, a);
  const gap = rng.int(2, 20);
  const sentences = [`${who} is ${a} years old.`, `${friend} is ${gap} years older than ${who}.`];
  const placed = distracted ? placeDistractor(rng, sentences, `The sister of ${who} is ${d} years old.`) : sentences;
  const chain = [friend, third, rng.pick(['the teacher', 'the mother'])];
  let draft: FamilyDraft = {
    sentences: placed, ask: '', lines: [`${a} + ${gap} = ${a + gap}.`], final: a + gap,
    shortcut: distracted ? { lines: [`${d} + ${gap} = ${d + gap}.`], final: d + gap } : undefined,
  };
  for (let i = 1; i < level; i++) {
    const older = chain[i];
    draft = followUps(rng, draft, 1, (n) => `${cap(older)} is ${n} years older than ${chain[i - 1]}.`, null);
  }
  return { ...draft, ask: `How old is ${chain[level - 1]}?` };
};

const weeks: FamilyMaker = (rng, { who }, level, distracted) => {
  const w = rng.int(2, 9);
  const d = rng.int(2, 9);
  let sentences = [`${who} trains for ${w} weeks.`];
  if (distracted) sentences = placeDistractor(rng, sentences, `${who} rests on ${d} days.`);
  // The shortcut is the family-typical constant: five days to a week (school days), not seven.
  return followUps(rng, {
    sentences, ask: `How many days does ${who} train?`,
    lines: [`${w} * 7 = ${w * 7}.`], final: w * 7,
    shortcut: distracted ? { lines: [`${w} * 5 = ${w * 5}.`], final: w * 5 } : undefined,
  }, level - 1, (n) => `${who} then trains ${n} more days.`, (n) => `${who} misses ${n} days.`);
};

const groups: FamilyMaker = (rng, { who, friend, item }, level, distracted) => {
  const box = rng.pick(CONTAINERS);
  const g = rng.int(2, 9);
  const k = rng.int(2, 9);
  const d = other(rng, 2, 9, g);
  let sentences = [`${who} has ${g} ${box} with ${k} ${item} in each.`];
  if (distracted) sentences = [...sentences, `${friend} has ${d} empty ${box}.`];
  return followUps(rng, {
    sentences, ask: `How many ${item} does ${who} have?`,
    lines: [`${g} * ${k} = ${g * k}.`], final: g * k,
    shortcut: distracted ? { lines: [`${d} * ${k} = ${d * k}.`], final: d * k } : undefined,
  }, level - 1, (n) => `${who} finds ${n} more ${item}.`, (n) => `${who} eats ${n} ${item}.`);
};

function lcm(a: number, b: number): number {
  const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));
  return (a * b) / gcd(a, b);
}

function cap(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

export const FAMILY_MAKERS: Record<Family, FamilyMaker> = { totals, price, compare, rate, share, ages, weeks, groups };
