import { describe, expect, it } from 'vitest';
import { WASM_MAX_MODEL_BYTES, wasmMemoryProblem, wasmSecondCopyProblem } from './browserLimits';

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

describe('wasmSecondCopyProblem', () => {
  it('lets a second copy of Qwen2.5-0.5B q4f16 through and refuses one of its 2.54 GB fp32, saying what to run instead', () => {
    expect(wasmSecondCopyProblem(558_987_246, 'Verifying head masking', 'check')).toBeUndefined();
    expect(wasmSecondCopyProblem(WASM_MAX_MODEL_BYTES / 2, 'x', 'check')).toBeUndefined();
    const said = wasmSecondCopyProblem(2_537_796_288, 'Verifying head masking', 'check --model M --dtype fp32')!;
    expect(said).toMatch(/^Verifying head masking opens this model a second time beside the loaded one, and two copies of its 2\.54 GB of weights \(5\.08 GB\) do not fit/);
    expect(said).toContain('npm run cli -- check --model M --dtype fp32');
    expect(said).toContain('q4 or q4f16');
  });
});
