import { describe, expect, it } from 'vitest';
import type { SweepFile } from '../../engine/sweep/sweepSchema';
import { truncationSweepConfigs } from '../../engine/truncate/truncationSweep';
import { summarizeTruncationSweep } from './truncationSummary';

describe('summarizeTruncationSweep', () => {
  it('gives the baseline and each single truncation its accuracy over the cells run so far', () => {
    const { configs, truncations } = truncationSweepConfigs(2, [0.5, 0.1], ['mlp.down']);
    expect(truncations).toEqual([[], ['0.mlp.down:0.5'], ['0.mlp.down:0.1'], ['1.mlp.down:0.5'], ['1.mlp.down:0.1']]);
    const file: SweepFile = {
      schema: 'headlab-sweep', version: 2, mode: 'generate', maxNewTokens: 8,
      model: { name: 'm', fingerprint: 'f', numLayers: 2, numHeads: 2 },
      problems: [{ id: 'a', question: 'A', reference: '1' }, { id: 'b', question: 'B', reference: '2' }],
      configs, truncations,
      cells: [
        { config: 0, problem: 0, correct: true }, { config: 0, problem: 1, correct: false },
        { config: 2, problem: 0, correct: false }, { config: 2, problem: 1, correct: false },
        { config: 3, problem: 0, correct: true },
      ],
    };
    const summary = summarizeTruncationSweep(file);
    expect(summary.baseline).toBe(0.5);
    expect(summary.cells).toEqual([
      { layer: 0, matrix: 'mlp.down', fraction: 0.1, accuracy: 0, n: 2 },
      { layer: 1, matrix: 'mlp.down', fraction: 0.5, accuracy: 1, n: 1 },
    ]);
  });
});
