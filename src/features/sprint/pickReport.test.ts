import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { chanceBounds, chanceText, headlineText, lowPickReason, usesFixedOrder } from './pickReport';
import type { SprintSelector } from '../../engine/sprint/selectorFormat';

const shipped = (name: string) => JSON.parse(readFileSync(`public/models/${name}/sprint-selector.json`, 'utf8')) as SprintSelector;

describe('pickReport', () => {
  it('never shows 0% or 100%, and clips to what the validation share supports', () => {
    const bounds = chanceBounds({ ...shipped('headlab-math-6x8'), trainIds: Array.from({ length: 8 }, (_, i) => `p${i}`) });
    // 8 training questions hold back 2 for calibration: nothing beyond 1/4 from 0 or 1 is supported.
    expect(bounds).toEqual({ validation: 2, lo: 0.25, hi: 0.75 });
    expect(chanceText(0.999, bounds)).toBe('over 75%');
    expect(chanceText(0.001, bounds)).toBe('under 25%');
    expect(chanceText(0.5, bounds)).toBe('50%');
    const wide = chanceBounds(shipped('headlab-math-6x8'));
    expect(wide.validation).toBe(200);
    expect(chanceText(1, wide)).toBe('over 99%');
    expect(chanceText(0, wide)).toBe('under 1%');
    expect(chanceText(0.99, wide)).toBe('99%');
    expect(chanceText(0.996, wide)).toBe('over 99%');
  });

  it('knows the negative control falls back to the fixed order and the positive control does not', () => {
    expect(usesFixedOrder(shipped('headlab-math-6x8'))).toBe(true);
    expect(usesFixedOrder(shipped('headlab-mix-6x8'))).toBe(false);
  });

  it('heads the list with its first row and explains picks below the floor', () => {
    const bounds = chanceBounds(shipped('headlab-mix-6x8'));
    const ranking = { heads: [{ layer: 4, head: 1, score: 0.9 }, { layer: 2, head: 6, score: 0.001 }], none: { score: 0.6, position: 1 } };
    expect(headlineText(ranking.heads[0], ranking, bounds)).toBe("SPRINT's first pick for this question: prune layer 4 head 1 (estimated chance 90%, against 60% with nothing pruned).");
    expect(headlineText(null, ranking, bounds)).toContain('is to prune nothing (estimated chance 60%)');
    expect(lowPickReason(ranking.heads[0], bounds)).toBeUndefined();
    expect(lowPickReason(ranking.heads[1], bounds)).toContain('right on training questions the picks above got wrong');
  });
});
