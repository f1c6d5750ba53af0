import { describe, expect, it } from 'vitest';
import { WASM_MAX_MODEL_BYTES, wasmMemoryProblem } from './browserLimits';

describe('wasmMemoryProblem', () => {
  it('lets a Qwen2.5-0.5B q4f16 file through and names the limit and the ways out for fp32', () => {
    expect(wasmMemoryProblem(558_987_246)).toBeUndefined();
    expect(wasmMemoryProblem(WASM_MAX_MODEL_BYTES)).toBeUndefined();
    const said = wasmMemoryProblem(2_537_796_288)!;
    expect(said).toContain("This model's weights are 2.54 GB");
    expect(said).toContain('at most 4 GiB');
    expect(said).toContain('q4f16 or q4');
    expect(said).toContain('npm run cli');
  });
});
