import { describe, expect, it } from 'vitest';
import { SELECTOR_SCHEMA, type SprintSelector } from '../engine/sprint/selectorFormat';
import type { SweepFile } from '../engine/sweep/sweepSchema';
import { selectorIdentity, trainingSweepOf } from './selectorIdentity';

/** Only the fields the identity reads matter here; the weights are placeholders. */
function selector(trainIds: string[], problems: string, change: Partial<SprintSelector> = {}): SprintSelector {
  return {
    schema: SELECTOR_SCHEMA,
    version: 2,
    model: { fingerprint: 'f'.repeat(64), numLayers: 1, numHeads: 2 },
    encoder: 'mean-final-hidden',
    shape: { dIn: 4, hidden: 3, k: 2, nHeads: 3 },
    temperature: 0.1,
    seed: 0,
    trainIds,
    params: [],
    losses: [1, 0.5],
    outcomes: trainIds.flatMap(() => [1, 0, 1]),
    labels: 'logprob',
    trainedOn: { count: trainIds.length, problems },
    calibration: { a: 1, b: 0 },
    meanLogits: [0, 0, 0],
    beta: 0,
    betaFirst: 0,
    noneFirst: true,
    validation: [],
    fixedOrder: [2, 0, 1],
    ...change,
  };
}

function sweep(count: number, truncation?: string): SweepFile {
  const problems = Array.from({ length: count }, (_, i) => ({ id: `synthetic-7-${i}`, question: `q${i}`, reference: `${i}` }));
  const configs = [[], [[0, 0]], [[0, 1]]] as SweepFile['configs'];
  const model = { name: 'm', fingerprint: 'f'.repeat(64), numLayers: 1, numHeads: 2 };
  const truncations = truncation ? { truncations: configs.map(() => [truncation]) } : {};
  return { schema: 'headlab-sweep', version: 2, model, mode: 'logprob', maxNewTokens: 64, problems, configs, cells: [], ...truncations } as SweepFile;
}

describe('selectorIdentity', () => {
  const a = selector(['synthetic-7-0', 'synthetic-7-1'], 'synthetic generator, seed 7');
  const b = selector(['synthetic-11-0', 'synthetic-11-1'], 'synthetic generator, seed 11');

  it('gives the same key for the same selector and training sweep', () => {
    expect(selectorIdentity(a, trainingSweepOf(sweep(3)))).toBe(selectorIdentity(structuredClone(a), trainingSweepOf(sweep(3))));
    expect(selectorIdentity(a)).toBe(selectorIdentity(structuredClone(a)));
  });

  it('starts with the model fingerprint, so records of one model can be told apart from another', () => {
    expect(selectorIdentity(a)).toMatch(/^f{16}-[0-9a-f]{16}$/);
  });

  it('gives different keys to selectors trained on different problem sets', () => {
    expect(selectorIdentity(a)).not.toBe(selectorIdentity(b));
    expect(selectorIdentity(a, trainingSweepOf(sweep(3)))).not.toBe(selectorIdentity(a, trainingSweepOf(sweep(4))));
  });

  it('gives different keys for a truncated training sweep and for other training settings', () => {
    expect(selectorIdentity(a, trainingSweepOf(sweep(3)))).not.toBe(selectorIdentity(a, trainingSweepOf(sweep(3, '3.mlp.down:0.1'))));
    expect(selectorIdentity(a)).not.toBe(selectorIdentity({ ...a, seed: 1 }));
    expect(selectorIdentity(a)).not.toBe(selectorIdentity({ ...a, temperature: 0.2 }));
    expect(selectorIdentity(a)).not.toBe(selectorIdentity({ ...a, losses: [1, 0.5, 0.4] }));
    expect(selectorIdentity(a)).not.toBe(selectorIdentity({ ...a, encoder: 'minilm' }));
  });

  it('records the training sweep by what it is, with its truncations once each', () => {
    const t = trainingSweepOf(sweep(3, '3.mlp.down:0.1'));
    expect(t).toMatchObject({ problems: 3, mode: 'logprob', truncations: ['3.mlp.down:0.1'] });
    expect(t.id).toMatch(/^f{16}-/);
  });
});
