import { describe, expect, it } from 'vitest';
import { comparisonEstimate, domainWarning } from './problemFit';
import type { Problem } from '../../engine/problems/problem';

const gsm8k: Problem = { id: 'gsm8k-1', question: 'q', reference: '1', source: 'gsm8k' };
const synthetic: Problem = { id: 'synthetic-1', question: 'q', reference: '1', source: 'synthetic' };

describe('problemFit', () => {
  it('warns when a bundled model is asked a real data set, and only then', () => {
    expect(domainWarning({ kind: 'bundled', name: 'headlab-math-6x8' }, [gsm8k, synthetic])).toMatch(
      /^headlab-math-6x8 was trained only on the synthetic generator's questions: .* not GSM8K's, so expect it to score near 0 here\. Load a Hub model/,
    );
    expect(domainWarning({ kind: 'bundled', name: 'headlab-math-6x8' }, [synthetic])).toBeUndefined();
    expect(domainWarning({ kind: 'hub', id: 'onnx-community/Qwen2.5-0.5B-Instruct' }, [gsm8k])).toBeUndefined();
  });

  it('estimates two passes from a measured rate, or says it uses the fallback', () => {
    expect(comparisonEstimate(30, { perSecond: 12, on: 'its last comparison' })).toBe("60 answers in all, about 5 s at this browser's 12 answers per second (its last comparison).");
    expect(comparisonEstimate(1319, undefined)).toBe("2638 answers in all, about 44 s at about 60 answers per second, a WASM sweep's speed (this browser has measured none yet).");
    expect(comparisonEstimate(1319, { perSecond: 5, on: 'its sweep' })).toBe("2638 answers in all, about 9 min at this browser's 5 answers per second (its sweep).");
  });
});
