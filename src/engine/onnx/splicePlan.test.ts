/**
 * SplicePlan written in place equals the same plan written into a new
 * buffer, for random plans whose spans move left, right and not at all.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../problems/rng';
import { SplicePlan } from './splicePlan';

/** A random plan over `size` source bytes: kept spans, skipped spans and new bytes of random sizes. */
function randomPlan(rng: Rng, size: number): SplicePlan {
  const plan = new SplicePlan();
  let pos = 0;
  while (pos < size) {
    if (rng.chance(0.4)) plan.add(Uint8Array.from({ length: rng.int(1, rng.chance(0.2) ? 400 : 20) }, () => rng.int(0, 255)));
    const skip = rng.chance(0.3) ? rng.int(1, 60) : 0;
    const keep = rng.int(0, 120);
    pos = Math.min(size, pos + skip);
    plan.keep(pos, Math.min(size, pos + keep));
    pos = Math.min(size, pos + keep);
  }
  if (rng.chance(0.5)) plan.add(Uint8Array.of(1, 2, 3));
  return plan;
}

describe('SplicePlan', () => {
  it('writes 500 random plans in place exactly as into a new buffer', () => {
    const rng = new Rng(77);
    for (let i = 0; i < 500; i++) {
      const size = rng.int(0, 2000);
      const source = Uint8Array.from({ length: size }, () => rng.int(0, 255));
      const plan = randomPlan(rng, size);
      const want = plan.writeTo(source, new Uint8Array(plan.length));
      const buffer = new Uint8Array(Math.max(size, plan.length) + rng.int(0, 8));
      buffer.set(source);
      const got = plan.writeInPlace(buffer);
      expect(got.buffer).toBe(buffer.buffer);
      expect(Buffer.from(got).equals(Buffer.from(want))).toBe(true);
    }
  });

  it('merges adjacent kept spans into one piece', () => {
    const plan = new SplicePlan();
    plan.keep(0, 10);
    plan.keep(10, 20);
    plan.keep(20, 20);
    plan.add(Uint8Array.of(9));
    expect(plan.length).toBe(21);
    expect(plan.writeTo(Uint8Array.from({ length: 20 }, (_, i) => i), new Uint8Array(21))[20]).toBe(9);
  });

  it('refuses spans out of order, and a buffer too small, before writing', () => {
    const plan = new SplicePlan();
    plan.keep(5, 10);
    expect(() => plan.keep(8, 12)).toThrow(RangeError);
    plan.add(new Uint8Array(4));
    const buffer = Uint8Array.from({ length: 8 }, (_, i) => i + 1);
    expect(() => plan.writeInPlace(buffer)).toThrow(RangeError);
    expect(Array.from(buffer)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
