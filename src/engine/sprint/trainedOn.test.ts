import { describe, expect, it } from 'vitest';
import { generatedSetOf, trainedOnFor } from './trainedOn';
import { syntheticProblems } from '../problems/synthetic';
import { mixProblems } from '../problems/mix/mixProblems';

describe('what a selector was trained on', () => {
  it('names the generator and seed that made every training id', () => {
    expect(generatedSetOf(syntheticProblems({ seed: 11, count: 3 }).map((p) => p.id))).toBe('synthetic generator, seed 11');
    expect(generatedSetOf(mixProblems({ seed: 7, count: 3 }).map((p) => p.id))).toBe('mix generator, seed 7');
  });

  it('falls back to the given words when the ids mix sets or come from a file', () => {
    expect(generatedSetOf(['syn-11-0', 'syn-12-0'])).toBeUndefined();
    expect(generatedSetOf(['syn-11-0', 'mix-11-1'])).toBeUndefined();
    expect(trainedOnFor(['gsm8k-1', 'gsm8k-2'], 'the problems of s.json')).toEqual({ count: 2, problems: 'the problems of s.json' });
    expect(trainedOnFor(['p1'])).toEqual({ count: 1, problems: "the sweep's problems" });
  });
});
