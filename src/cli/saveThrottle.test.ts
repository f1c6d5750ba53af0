import { describe, expect, it } from 'vitest';
import { saveThrottle } from './saveThrottle';

describe('saveThrottle', () => {
  it('saves at most once per interval', () => {
    let t = 0;
    let saves = 0;
    const maybeSave = saveThrottle(() => saves++, 10_000, () => t);
    // 200 batches a second apart: 20 saves at most, not 200.
    for (let i = 0; i < 200; i++) {
      t += 1000;
      maybeSave();
    }
    expect(saves).toBe(20);
    expect(maybeSave()).toBe(false);
    t += 10_000;
    expect(maybeSave()).toBe(true);
    expect(saves).toBe(21);
  });
});
