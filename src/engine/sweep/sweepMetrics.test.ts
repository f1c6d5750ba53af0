import { describe, expect, it } from 'vitest';
import { summarizeSweep, sweepToCsv } from './sweepMetrics';
import { singleHeadConfigs, type SweepFile } from './sweepSchema';

const file: SweepFile = {
  schema: 'headlab-sweep', version: 1, mode: 'generate', maxNewTokens: 8,
  model: { name: 'm', fingerprint: 'f', numLayers: 1, numHeads: 2 },
  problems: [{ id: 'a', question: 'Q', reference: '1' }, { id: 'b', question: 'R', reference: '2' }],
  configs: singleHeadConfigs(1, 2),
  cells: [
    { config: 0, problem: 0, correct: true, predicted: '1' },
    { config: 0, problem: 1, correct: false, predicted: '3' },
    { config: 1, problem: 0, correct: false, predicted: '0' },
    { config: 1, problem: 1, correct: false, predicted: '"q"' },
    { config: 2, problem: 1, correct: true, predicted: '2' },
  ],
};

describe('summarizeSweep', () => {
  it('averages each head’s change from the baseline over the problems it has', () => {
    const s = summarizeSweep(file);
    expect(s.baselineMean).toBe(0.5);
    expect(s.heads.map((h) => [h.layer, h.head, h.delta, h.n])).toEqual([[0, 0, -0.5, 2], [0, 1, 1, 1]]);
  });

  it('writes CSV with quoting, and an empty family cell for a file without families', () => {
    const csv = sweepToCsv(file).split('\n');
    expect(csv[0]).toBe('pruned,problem_id,family,correct,predicted,tokens,logprob');
    expect(csv[4]).toBe('"0.0","b","",false,"""q""",,');
  });

  it('writes each problem\'s family beside its id', () => {
    const withFamilies: SweepFile = { ...file, problems: [{ ...file.problems[0], family: 'price' }, file.problems[1]] };
    const csv = sweepToCsv(withFamilies).split('\n');
    expect(csv[1]).toBe('"","a","price",true,"1",,');
    expect(csv[2]).toBe('"","b","",false,"3",,');
  });
});
