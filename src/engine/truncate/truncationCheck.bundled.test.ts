import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedModel } from '../model/loadModel';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../../node/loadNodeModel';
import { nodeRuntime } from '../../node/nodeRuntime';
import { checkTruncation } from './truncationCheck';
import { truncateWeights } from './truncateWeights';
import { parseTruncations } from './truncationSpec';

const onnx = readFileSync(`${BUNDLED_MODEL_DIR}/onnx/model.onnx`);

describe('truncation on the bundled model (onnxruntime-node)', () => {
  let model: LoadedModel;
  beforeAll(async () => {
    model = await loadNodeModel(BUNDLED_MODEL_DIR);
  }, 60_000);

  it('passes all three proofs: full rank = original, written matrix = reference rank-r, truncation + pruned head = both', async () => {
    const results = await checkTruncation({ spec: model.spec, tokenizer: model.tokenizer, dtype: 'fp32', onnx, external: [], runtime: nodeRuntime });
    for (const r of results) expect(r, `${r.name}: ${r.maxAbsDiff} > ${r.tolerance} or effect ${r.effect}`).toMatchObject({ pass: true });
    expect(results).toHaveLength(4);
  }, 120_000);

  it('checks what is applied, not the sample: its matrix at its own keep, and the whole list with a head pruned', async () => {
    const applied = parseTruncations('0.mlp.down:0.01,4.attn.o:r8:bottom');
    const results = await checkTruncation({ spec: model.spec, tokenizer: model.tokenizer, dtype: 'fp32', onnx, external: [], runtime: nodeRuntime }, undefined, applied);
    for (const r of results) expect(r, `${r.name}: ${r.maxAbsDiff} > ${r.tolerance} or effect ${r.effect}`).toMatchObject({ pass: true });
    expect(results.map((r) => r.name)).toEqual([
      '0.mlp.down at full rank vs the original logits',
      expect.stringMatching(/^0\.mlp\.down top 1 of 128 vs a reference rank-1 product/),
      expect.stringMatching(/^0\.mlp\.down bottom 115 of 128 vs/),
      '0.mlp.down:0.01 + 4.attn.o:r8:bottom + head 0.4 pruned by mask vs truncated weights with its o_proj rows zeroed',
    ]);
  }, 120_000);

  it('rewrites only the truncated matrix: every other byte of the file is unchanged', async () => {
    const copy = new Uint8Array(onnx);
    const [report] = await truncateWeights(copy, [], 6, parseTruncations('2.attn.q:r4'));
    expect(report).toMatchObject({ rank: 4, fullRank: 128, dims: [128, 128], dtype: 'fp32' });
    let changed = 0, first = -1, last = -1;
    for (let i = 0; i < copy.length; i++) {
      if (copy[i] !== onnx[i]) {
        changed++;
        if (first < 0) first = i;
        last = i;
      }
    }
    expect(changed).toBeGreaterThan(1000);
    expect(last - first).toBeLessThan(128 * 128 * 4);
  });

  it('refuses a layer the model lacks, and a fused or missing matrix, with the reason', async () => {
    await expect(truncateWeights(new Uint8Array(onnx), [], 6, parseTruncations('6.mlp.down:0.5'))).rejects.toThrow(/layers 0..5/);
    expect(() => parseTruncations('1.mlp.down:0')).toThrow(/fraction must be in \(0, 1\]/);
    expect(() => parseTruncations('1.attn.x:0.5')).toThrow(/LAYER.MATRIX:KEEP/);
    expect(() => parseTruncations('1.mlp.up:0.5,1.mlp.up:r3')).toThrow(/truncated twice/);
    await expect(truncateWeights(new Uint8Array(onnx), [], 6, parseTruncations('1.mlp.up:r500'))).rejects.toThrow(/full rank 128/);
  });
});
