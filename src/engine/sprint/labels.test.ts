import { describe, expect, it } from 'vitest';
import { singleHeadConfigs, type SweepFile } from '../sweep/sweepSchema';
import { labelsFromSweep, SprintDataError } from './labels';

function sweep(mode: 'generate' | 'logprob', cells: SweepFile['cells']): SweepFile {
  return {
    schema: 'headlab-sweep', version: 1, mode, maxNewTokens: 8,
    model: { name: 'm', fingerprint: 'f', numLayers: 1, numHeads: 3 },
    problems: [0, 1, 2].map((i) => ({ id: `p${i}`, question: `Q${i}`, reference: '1' })),
    configs: singleHeadConfigs(1, 3),
    cells,
  };
}

describe('labelsFromSweep', () => {
  const gen = sweep('generate', [
    { config: 1, problem: 0, correct: true }, { config: 2, problem: 0, correct: false }, { config: 3, problem: 0, correct: true },
    { config: 1, problem: 1, correct: false }, { config: 2, problem: 1, correct: false }, { config: 3, problem: 1, correct: false },
    { config: 2, problem: 2, correct: true },
  ]);

  it('spreads each question over the heads whose pruning solved it, skipping questions none solved', () => {
    const { problems, targets } = labelsFromSweep(gen, [0, 1, 2], { minQuestions: 1 });
    expect(problems).toEqual([0, 2]);
    expect([...targets]).toEqual([0.5, 0, 0.5, 0, 1, 0]);
  });

  it('never reads a question outside the training split', () => {
    expect(labelsFromSweep(gen, [2], { minQuestions: 1 }).problems).toEqual([2]);
  });

  it('refuses to train on too few positive labels, saying how many there were', () => {
    expect(() => labelsFromSweep(gen, [0, 1, 2])).toThrow(SprintDataError);
    expect(() => labelsFromSweep(gen, [0, 1, 2])).toThrow('Only 2 of 3 training questions have a positive label');
  });

  it('turns log-prob changes into soft labels', () => {
    const lp = sweep('logprob', [
      { config: 0, problem: 0, logprob: -5 }, { config: 1, problem: 0, logprob: -4 }, { config: 2, problem: 0, logprob: -5 }, { config: 3, problem: 0, logprob: -6 },
    ]);
    const { targets } = labelsFromSweep(lp, [0], { minQuestions: 1 });
    const e = [Math.E, 1, 1 / Math.E];
    const s = e[0] + e[1] + e[2];
    [...targets].forEach((t, i) => expect(t).toBeCloseTo(e[i] / s, 6));
  });
});
