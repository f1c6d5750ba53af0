import { describe, expect, it } from 'vitest';
import { dtypeForWebGpu } from './dtypeFallback';

describe('dtypeForWebGpu', () => {
  it('keeps the asked dtype when the adapter can run it, or when none was asked', () => {
    expect(dtypeForWebGpu('fp16', true, ['fp32', 'fp16'])).toEqual({ dtype: 'fp16' });
    expect(dtypeForWebGpu('q4', false, ['q4'])).toEqual({ dtype: 'q4' });
    expect(dtypeForWebGpu(undefined, false, [])).toEqual({ dtype: undefined });
  });

  it('falls back from float16 weights without shader-f16: q4 when offered, else fp32, and says so', () => {
    expect(dtypeForWebGpu('q4f16', false, ['fp32', 'q4', 'q4f16'])).toEqual({ dtype: 'q4', note: 'it lacks shader-f16, so q4 weights are used instead of q4f16' });
    expect(dtypeForWebGpu('fp16', false, ['fp32', 'fp16'])).toEqual({ dtype: 'fp32', note: 'it lacks shader-f16, so fp32 weights are used instead of fp16' });
  });
});
