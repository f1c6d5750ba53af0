/**
 * The GroupQueryAttention stand-in (onnxruntime-genai's structure) on a
 * reduced Qwen2.5-0.5B shape: it computes what the decomposed (optimum)
 * graph of the same weights computes, head masking passes its proof in
 * fp32 and q4f16, attention patterns are refused as fused, and batches of
 * prompts of different lengths, which GroupQueryAttention misreads when
 * left-padded, give each row what it gets alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHeadMasking } from '../../engine/check/headMaskCheck';
import { headMaskTransform } from '../../engine/onnx/addHeadMask';
import { addAttentionOutputs, PATTERNS_UNAVAILABLE } from '../../engine/onnx/attentionOutputs';
import { findAttentionProjections, hasGroupQueryAttention } from '../../engine/onnx/findAttentionProjections';
import { readModelLayout } from '../../engine/onnx/modelLayout';
import { generate, padPrompts } from '../../engine/model/generate';
import type { LoadedModel } from '../../engine/model/loadModel';
import { scoreContinuations } from '../../engine/model/scoreTokens';
import { reducedShape, STANDIN_SHAPES } from '../../engine/standin/shapes';
import { loadNodeModel } from '../loadNodeModel';
import { nodeFileReader, readFileWithHeadroom } from '../nodeFileReader';
import { nodeRuntime } from '../nodeRuntime';
import { writeStandin } from './writeStandin';

const shape = reducedShape(STANDIN_SHAPES['qwen2.5-0.5b'], { layers: 2, vocab: 1024 });
let dir = '';
const gqaDir = () => join(dir, 'gqa');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'headlab-gqa-'));
  writeStandin(join(dir, 'decomposed'), shape, 'fp32', 3);
  for (const dtype of ['fp32', 'q4f16'] as const) writeStandin(gqaDir(), shape, dtype, 3, { attention: 'gqa' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const load = (folder: string, dtype: 'fp32' | 'q4f16' = 'fp32') => loadNodeModel(folder, { dtype, transform: headMaskTransform() });

/** All-position logits [1, seq, vocab] of one prompt, no cache. */
async function logitsOf(m: LoadedModel, prompt: number[], headMask?: Float32Array): Promise<Float32Array> {
  const { ids, mask, pos } = padPrompts([prompt], 0n);
  const { logits } = await m.decoder.step({ inputIds: ids, attentionMask: mask, positionIds: pos, batch: 1, past: m.decoder.emptyPast(1), allLogits: true, noCache: true, headMask });
  return logits!;
}
const maxDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

describe('GroupQueryAttention stand-in', () => {
  it('has one GroupQueryAttention per layer feeding o_proj, and no position_ids input', async () => {
    const layout = readModelLayout(await readFileWithHeadroom(join(gqaDir(), 'onnx/model.onnx')));
    expect(layout.nodes.filter((n) => n.opType === 'GroupQueryAttention')).toHaveLength(2);
    expect(hasGroupQueryAttention(layout)).toBe(true);
    expect(layout.inputs).not.toContain('position_ids');
    expect(findAttentionProjections(layout, 2).map((p) => p.node.name)).toEqual(['/model/layers.0/attn/o_proj/MatMul', '/model/layers.1/attn/o_proj/MatMul']);
  });

  it('computes what the decomposed graph of the same weights computes, pruned or not', async () => {
    const [a, b] = await Promise.all([load(join(dir, 'decomposed')), load(gqaDir())]);
    expect(b.decoder.paddedBatches).toBe(false);
    expect(a.decoder.paddedBatches).toBe(true);
    const prompt = Array.from(a.tokenizer.encode('Mia has 5 apples and buys 3 more.') as number[]);
    expect(maxDiff(await logitsOf(a, prompt), await logitsOf(b, prompt))).toBeLessThan(1e-4);
    const prune = new Float32Array(2 * 14).fill(1);
    prune[14 + 5] = 0;
    const [pa, pb] = [await logitsOf(a, prompt, prune), await logitsOf(b, prompt, prune)];
    expect(maxDiff(pa, pb)).toBeLessThan(1e-4);
    expect(maxDiff(pa, await logitsOf(a, prompt))).toBeGreaterThan(1e-3);
    expect(await generate(b.decoder, [prompt], { maxNewTokens: 8 })).toEqual(await generate(a.decoder, [prompt], { maxNewTokens: 8 }));
  });

  it('gives each row of a mixed-length batch what it gets alone (it runs one batch per length)', async () => {
    const m = await load(gqaDir());
    const prompts = ['Mia has 5 apples.', 'Tom has 12 pears and eats 3 of them.', 'Ann has 7 cats.'].map((q) => Array.from(m.tokenizer.encode(q) as number[]));
    expect(new Set(prompts.map((p) => p.length)).size).toBeGreaterThan(1);
    // Row 1 prunes a head, so per-row masks must follow their rows into the groups.
    const headMask = new Float32Array(3 * 2 * 14).fill(1);
    headMask[28 + 3] = 0;
    const together = await generate(m.decoder, prompts, { maxNewTokens: 6, headMask });
    const alone = await Promise.all(prompts.map((p, r) => generate(m.decoder, [p], { maxNewTokens: 6, headMask: headMask.slice(r * 28, (r + 1) * 28) })));
    expect(together).toEqual(alone.map(([t]) => t));
    const targets = prompts.map(() => [10, 11, 12]);
    const scores = await scoreContinuations(m.decoder, prompts, targets, headMask);
    for (let r = 0; r < 3; r++) {
      const [one] = await scoreContinuations(m.decoder, [prompts[r]], [targets[r]], headMask.slice(r * 28, (r + 1) * 28));
      expect(scores[r]).toBeCloseTo(one, 4);
    }
  });

  it.each(['fp32', 'q4f16'] as const)('passes the head-masking proof in %s', async (dtype) => {
    const m = await load(gqaDir(), dtype);
    const report = await checkHeadMasking(m, nodeFileReader(gqaDir()), nodeRuntime, 'gqa');
    expect(report.checks.map((c) => c.pass)).toEqual([true, true, true, true]);
    expect(report.checks.slice(1).every((c) => c.effect! > 0)).toBe(true);
  });

  it('refuses attention patterns: the export fuses attention', async () => {
    const bytes = await readFileWithHeadroom(join(gqaDir(), 'onnx/model.onnx'));
    expect(() => addAttentionOutputs(bytes, bytes.length, 2)).toThrow(PATTERNS_UNAVAILABLE);
  });
});
