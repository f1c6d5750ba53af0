import { describe, expect, it } from 'vitest';
import { WASM_MAX_MODEL_BYTES, wasmMemoryProblem } from './browserLimits';

describe('wasmMemoryProblem', () => {
  it('lets Qwen2.5-0.5B files through and names the limit and the ways out for Qwen2.5-Math-1.5B fp32', () => {
    expect(wasmMemoryProblem(558_987_246)).toBeUndefined();
    expect(wasmMemoryProblem(2_537_796_288)).toBeUndefined();
    expect(wasmMemoryProblem(WASM_MAX_MODEL_BYTES)).toBeUndefined();
    const said = wasmMemoryProblem(6_180_000_000)!;
    expect(said).toContain("This model's weights are 6.18 GB");
    expect(said).toContain('weights over 4.29 GB cannot fit');
    expect(said).toContain('at most 4 GiB');
    expect(said).toContain('q4f16 or q4');
    expect(said).toContain('npm run cli');
  });
});
