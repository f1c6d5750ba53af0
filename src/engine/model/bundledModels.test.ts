import { describe, expect, it } from 'vitest';
import { BUNDLED_MODELS, bundledModel, DEFAULT_BUNDLED_MODEL, MATH_MODEL } from './bundledModels';

describe('bundled model registry', () => {
  it('lists the positive control first, as the default, and the negative control', () => {
    expect(BUNDLED_MODELS.map((m) => [m.name, m.problems])).toEqual([['headlab-mix-6x8', 'mix'], ['headlab-math-6x8', 'synthetic']]);
    expect(DEFAULT_BUNDLED_MODEL).toBe('headlab-mix-6x8');
    expect(bundledModel(MATH_MODEL)?.purpose).toMatch(/^negative control: /);
    expect(bundledModel('no-such-model')).toBeUndefined();
  });

  it('gives each model one line of purpose and a plain folder name the URL can carry', () => {
    for (const m of BUNDLED_MODELS) {
      expect(m.purpose).not.toMatch(/\n/);
      expect(m.name).toMatch(/^[\w.-]+$/);
    }
  });
});
