import { describe, expect, it } from 'vitest';
import { singleHeadConfigs, type SweepFile } from '../sweep/sweepSchema';
import { outcomesFromSweep } from './outcomes';
import { SprintDataError } from './labels';

function sweep(mode: 'generate' | 'logprob', cells: SweepFile['cells']): SweepFile {
  return {
    schema: 'headlab-sweep', version: 1, mode, maxNewTokens: 8,
    model: { name: 'm', fingerprint: 'f', numLayers: 1, numHeads: 2 },
    problems: [0, 1, 2].map((i) => ({ id: `p${i}`, question: `Q${i}`, reference: '1' })),
    configs: singleHeadConfigs(1, 2),
    cells,
  };
}

describe('outcomesFromSweep', () => {
  const gen = sweep('generate', [
    { config: 0, problem: 0, correct: false }, { config: 1, problem: 0, correct: true }, { config: 2, problem: 0, correct: false },
    { config: 0, problem: 1, correct: true }, { config: 1, problem: 1, correct: true }, { config: 2, problem: 1, correct: false },
    { config: 1, problem: 2, correct: true },
  ]);

  it('puts each head in its row-major column and "prune nothing" last, keeping only complete questions of the split', () => {
    const t = outcomesFromSweep(gen, [0, 1, 2], { minQuestions: 1 });
    expect(t.problems).toEqual([0, 1]);
    expect(t.nCand).toBe(3);
    expect([...t.y]).toEqual([1, 0, 0, 1, 0, 1]);
    expect(outcomesFromSweep(gen, [1], { minQuestions: 1 }).problems).toEqual([1]);
  });

  it('refuses too few complete questions, saying how many there were', () => {
    expect(() => outcomesFromSweep(gen, [0, 1, 2])).toThrow(SprintDataError);
    expect(() => outcomesFromSweep(gen, [0, 1, 2])).toThrow('Only 2 of 3 training questions have a result for every head');
  });

  it('turns log-prob changes into the chance that pruning made the reference likelier', () => {
    const lp = sweep('logprob', [{ config: 0, problem: 0, logprob: -5 }, { config: 1, problem: 0, logprob: -4 }, { config: 2, problem: 0, logprob: -5 }]);
    const t = outcomesFromSweep(lp, [0], { minQuestions: 1 });
    expect(t.y[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 6);
    expect(t.y[1]).toBeCloseTo(0.5, 6);
    expect(t.y[2]).toBe(0.5);
  });
});
