import { describe, expect, it } from 'vitest';
import { initSelector } from './selector';
import { SELECTOR_SCHEMA, checkSelectorFor, type SprintSelector } from './selectorFormat';
import { parseSelector, parseSelectorText } from './selectorFile';

const shape = { dIn: 8, hidden: 4, k: 3, nHeads: 7 };
const valid: SprintSelector = {
  schema: SELECTOR_SCHEMA,
  version: 2,
  model: { fingerprint: 'abc', numLayers: 2, numHeads: 3 },
  encoder: 'mean-final-hidden',
  shape,
  temperature: 0.1,
  seed: 3,
  trainIds: ['p1', 'p2'],
  params: Array.from(initSelector(shape, 1).data),
  losses: [2, 1.5],
  calibration: { a: 0.8, b: -0.1 },
  meanLogits: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 1.2],
  beta: 0.5,
  betaFirst: 0,
  noneFirst: true,
  validation: [{ noneFirst: true, betaFirst: 0, beta: 0, passAtN: [0.7, 0.8, 0.85, 0.9] }],
  fixedOrder: [6, 2, 0, 1, 3, 4, 5],
  outcomes: [1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0],
  labels: 'answer',
};

describe('selector files', () => {
  it('round-trips through JSON unchanged', () => {
    expect(parseSelectorText(JSON.stringify(valid))).toEqual(valid);
  });

  it('keeps what the selector was trained on, reads files without it, and refuses a malformed one', () => {
    const withProvenance = { ...valid, trainedOn: { count: 2, problems: 'synthetic generator, seed 11' } };
    expect(parseSelectorText(JSON.stringify(withProvenance))).toEqual(withProvenance);
    expect(parseSelectorText(JSON.stringify(valid)).trainedOn).toBeUndefined();
    expect(() => parseSelector({ ...valid, trainedOn: { count: 0, problems: 'x' } })).toThrow(/"trainedOn", when present, needs a positive count/);
    expect(() => parseSelector({ ...valid, trainedOn: { count: 2, problems: 'x'.repeat(201) } })).toThrow(/at most 200 characters/);
  });

  it('names what is wrong with a damaged or foreign file', () => {
    expect(() => parseSelectorText('{"schema": ', 'mine.json')).toThrow(/^mine.json is not valid JSON/);
    expect(() => parseSelector({ schema: 'headlab-sweep' }, 'sweep.json')).toThrow('sweep.json is not a HeadLab SPRINT selector (its "schema" is not "headlab-sprint-selector").');
    expect(() => parseSelector({ ...valid, version: 1 })).toThrow(/version 1 is not supported \(this app reads version 2; version 1 selectors could not say when pruning would not help: train it again\)/);
    expect(() => parseSelector({ ...valid, fixedOrder: [6, 6, 0, 1, 3, 4, 5] })).toThrow('"fixedOrder" must order all 7 candidates once each');
    expect(() => parseSelector({ ...valid, outcomes: valid.outcomes.slice(1) })).toThrow('"outcomes" must hold 7 numbers from 0 to 1 per training question');
    expect(() => parseSelector({ ...valid, meanLogits: [1] })).toThrow('"meanLogits" must hold 7 numbers');
    expect(() => parseSelector({ ...valid, calibration: { a: 1 } })).toThrow('"calibration" needs numbers a and b');
    expect(() => parseSelector({ ...valid, params: valid.params.slice(1) })).toThrow(`"params" must hold ${valid.params.length} numbers for this shape, it holds ${valid.params.length - 1}`);
    expect(() => parseSelector({ ...valid, params: [...valid.params.slice(1), 'x'] })).toThrow(/not a finite number/);
    expect(() => parseSelector({ ...valid, shape: { ...shape, nHeads: 6 } })).toThrow(/shape.nHeads is 6, but the model has 2 x 3 heads \(and "prune nothing": 7\)/);
    expect(() => parseSelector({ ...valid, encoder: 'bert' })).toThrow(/unknown encoder "bert"/);
    expect(() => parseSelector({ ...valid, temperature: 0 })).toThrow(/"temperature" must be a positive number/);
    expect(() => parseSelector({ ...valid, trainIds: [1] })).toThrow(/"trainIds"/);
    // Finite but absurd numbers overflow into NaN chances: refused at the door.
    expect(() => parseSelector({ ...valid, params: valid.params.map(() => 1e300) })).toThrow(/"params" holds a value that is not a finite number of magnitude at most 1000000/);
    expect(() => parseSelector({ ...valid, calibration: { a: 1e308, b: -1e308 } })).toThrow(/"calibration" needs numbers a and b of magnitude at most/);
    expect(() => parseSelector({ ...valid, beta: 1e300 })).toThrow(/"beta" must be a number from 0 to/);
    expect(() => parseSelector({ ...valid, outcomes: valid.outcomes.map(() => 2) })).toThrow(/from 0 to 1/);
    expect(parseSelectorText('\uFEFF' + JSON.stringify(valid), 'bom.json').params).toEqual(valid.params);
  });

  it('refuses, after parsing, a selector for another model', () => {
    const parsed = parseSelectorText(JSON.stringify(valid));
    expect(() => checkSelectorFor(parsed, { fingerprint: 'abc', spec: { numLayers: 2, numHeads: 3 } })).not.toThrow();
    expect(() => checkSelectorFor(parsed, { fingerprint: 'abc', spec: { numLayers: 6, numHeads: 8 } })).toThrow('This selector is for 2 x 3 heads; the loaded model has 6 x 8.');
    expect(() => checkSelectorFor(parsed, { fingerprint: 'xyz', spec: { numLayers: 2, numHeads: 3 } })).toThrow(/different model file/);
  });
});
