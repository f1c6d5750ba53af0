import { describe, expect, it } from 'vitest';
import { dtypeForWebGpu, wasmWeightsNote } from './dtypeFallback';

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

describe('wasmWeightsNote', () => {
  it('speaks up for 4-bit weights only, with the measured rates and what to load instead', () => {
    for (const d of ['q4', 'q4f16', 'bnb4'] as const) expect(wasmWeightsNote(d)).toMatch(new RegExp(`^${d} \\(4-bit\\) weights run slowly on WASM: .*0\\.4 tokens/s.*3\\.0 in fp32.*load fp32 weights if they fit in 4 GB, or use a WebGPU adapter$`));
    for (const d of ['fp32', 'fp16', 'q8'] as const) expect(wasmWeightsNote(d)).toBeUndefined();
  });
});
