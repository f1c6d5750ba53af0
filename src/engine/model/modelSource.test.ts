import { describe, expect, it } from 'vitest';
import { hubIdProblem } from './modelSource';

describe('hubIdProblem', () => {
  it('takes owner/name and refuses "." and ".." segments, which would walk the Hub URL', () => {
    expect(hubIdProblem('onnx-community/Qwen2.5-0.5B-Instruct')).toBeUndefined();
    expect(hubIdProblem('foo/..')).toBe('"foo/.." is not a Hub model id: "." and ".." are not repository names.');
    expect(hubIdProblem('../x')).toMatch(/not a Hub model id/);
    expect(hubIdProblem('foo/.')).toMatch(/not a Hub model id/);
    expect(hubIdProblem('noslash')).toMatch(/write it as owner\/name/);
  });
});
