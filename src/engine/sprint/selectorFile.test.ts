import { describe, expect, it } from 'vitest';
import { initSelector } from './selector';
import { SELECTOR_SCHEMA, checkSelectorFor, type SprintSelector } from './selectorFormat';
import { parseSelector, parseSelectorText } from './selectorFile';

const shape = { dIn: 8, hidden: 4, k: 3, nHeads: 6 };
const valid: SprintSelector = {
  schema: SELECTOR_SCHEMA,
  version: 1,
  model: { fingerprint: 'abc', numLayers: 2, numHeads: 3 },
  encoder: 'mean-final-hidden',
  shape,
  temperature: 0.1,
  seed: 3,
  trainIds: ['p1', 'p2'],
  params: Array.from(initSelector(shape, 1).data),
  losses: [2, 1.5],
};

describe('selector files', () => {
  it('round-trips through JSON unchanged', () => {
    expect(parseSelectorText(JSON.stringify(valid))).toEqual(valid);
  });

  it('names what is wrong with a damaged or foreign file', () => {
    expect(() => parseSelectorText('{"schema": ', 'mine.json')).toThrow(/^mine.json is not valid JSON/);
    expect(() => parseSelector({ schema: 'headlab-sweep' }, 'sweep.json')).toThrow('sweep.json is not a HeadLab SPRINT selector (its "schema" is not "headlab-sprint-selector").');
    expect(() => parseSelector({ ...valid, version: 2 })).toThrow(/version 2 is not supported/);
    expect(() => parseSelector({ ...valid, params: valid.params.slice(1) })).toThrow(`"params" must hold ${valid.params.length} numbers for this shape, it holds ${valid.params.length - 1}`);
    expect(() => parseSelector({ ...valid, params: [...valid.params.slice(1), 'x'] })).toThrow(/not a finite number/);
    expect(() => parseSelector({ ...valid, shape: { ...shape, nHeads: 7 } })).toThrow(/shape.nHeads is 7, but the model has 2 x 3 heads/);
    expect(() => parseSelector({ ...valid, encoder: 'bert' })).toThrow(/unknown encoder "bert"/);
    expect(() => parseSelector({ ...valid, temperature: 0 })).toThrow(/"temperature" must be a positive number/);
    expect(() => parseSelector({ ...valid, trainIds: [1] })).toThrow(/"trainIds"/);
  });

  it('refuses, after parsing, a selector for another model', () => {
    const parsed = parseSelectorText(JSON.stringify(valid));
    expect(() => checkSelectorFor(parsed, { fingerprint: 'abc', spec: { numLayers: 2, numHeads: 3 } })).not.toThrow();
    expect(() => checkSelectorFor(parsed, { fingerprint: 'abc', spec: { numLayers: 6, numHeads: 8 } })).toThrow('This selector is for 2 x 3 heads; the loaded model has 6 x 8.');
    expect(() => checkSelectorFor(parsed, { fingerprint: 'xyz', spec: { numLayers: 2, numHeads: 3 } })).toThrow(/different model file/);
  });
});
