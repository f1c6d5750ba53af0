/**
 * The stand-in generator on a reduced shape (2 layers, a 1,024-token
 * vocabulary, the real per-layer widths): the files load through the
 * engine's own loader with the head-mask surgery, every dtype has its
 * real I/O types, and cached generation gives the tokens a full
 * recomputation gives, so the graph's mask, RoPE and cache agree.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headMaskTransform } from '../../engine/onnx/addHeadMask';
import { generate, padPrompts } from '../../engine/model/generate';
import { readModelLayout } from '../../engine/onnx/modelLayout';
import { findAttentionProjections } from '../../engine/onnx/findAttentionProjections';
import { bpeVocabulary } from '../../engine/standin/hubFiles';
import { parameterCount, reducedShape, STANDIN_SHAPES, type StandinDtype } from '../../engine/standin/shapes';
import { loadNodeModel } from '../loadNodeModel';
import { readFileWithHeadroom } from '../nodeFileReader';
import { writeStandin } from './writeStandin';

const shape = reducedShape(STANDIN_SHAPES['qwen2.5-0.5b'], { layers: 2, vocab: 1024 });
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'headlab-standin-'));
  for (const dtype of ['fp32', 'fp16', 'q4', 'q4f16'] as const) writeStandin(dir, shape, dtype, 3);
  writeStandin(join(dir, 'external'), shape, 'fp32', 3, { external: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('stand-in models', () => {
  it('have the real models\' parameter counts (494 M, 1.54 B, 135 M as the model cards give them)', () => {
    expect(parameterCount(STANDIN_SHAPES['qwen2.5-0.5b']) / 1e6).toBeCloseTo(494.0, 0);
    expect(parameterCount(STANDIN_SHAPES['qwen2.5-math-1.5b']) / 1e9).toBeCloseTo(1.54, 2);
    expect(parameterCount(STANDIN_SHAPES['smollm2-135m']) / 1e6).toBeCloseTo(134.5, 0);
  });

  it('builds a BPE vocabulary of the asked size whose merges only join earlier tokens', () => {
    const { tokens, merges } = bpeVocabulary(70_000);
    expect(tokens).toHaveLength(70_000);
    expect(new Set(tokens).size).toBe(70_000);
    const seen = new Set(tokens.slice(0, 256));
    merges.forEach((m, i) => {
      const [a, b] = m.split(' ');
      expect(seen.has(a) && seen.has(b)).toBe(true);
      seen.add(tokens[256 + i]);
    });
  });

  it('names the o_proj MatMul of every layer as optimum does, and q4f16 as MatMulNBits', async () => {
    for (const [dtype, op] of [['fp32', 'MatMul'], ['q4f16', 'MatMulNBits']] as const) {
      const bytes = await readFileWithHeadroom(join(dir, dtype === 'fp32' ? 'onnx/model.onnx' : 'onnx/model_q4f16.onnx'));
      const projections = findAttentionProjections(readModelLayout(bytes), shape.numLayers);
      expect(projections.map((p) => p.node.opType)).toEqual([op, op]);
      expect(projections[1].node.name).toBe(`/model/layers.1/self_attn/o_proj/${op === 'MatMul' ? 'MatMul' : 'MatMul_Q4'}`);
    }
  });

  it.each(['fp32', 'fp16', 'q4', 'q4f16'] as StandinDtype[])('%s: loads with head_mask, and cached decoding matches full recomputation', async (dtype) => {
    const m = await loadNodeModel(dir, { dtype, transform: headMaskTransform() });
    expect(m.spec).toMatchObject({ numLayers: 2, numHeads: 14, numKvHeads: 2, headDim: 64, vocabSize: 1024 });
    expect(m.decoder.hasHeadMask).toBe(true);
    expect(m.decoder.kvType).toBe(dtype === 'fp32' || dtype === 'q4' ? 'float32' : 'float16');
    const prompt = Array.from(m.tokenizer.encode('Mia has 5 apples.') as number[]);
    const [out] = await generate(m.decoder, [prompt], { maxNewTokens: 6 });
    const full = [...prompt, ...out];
    const { ids, mask, pos } = padPrompts([full], 0n);
    const { logits } = await m.decoder.step({ inputIds: ids, attentionMask: mask, positionIds: pos, batch: 1, past: m.decoder.emptyPast(1), allLogits: true, noCache: true });
    const vocab = shape.vocab;
    const argmaxAt = (t: number) => {
      let best = 0;
      for (let v = 1; v < vocab; v++) if (logits![t * vocab + v] > logits![t * vocab + best]) best = v;
      return best;
    };
    // Position prompt.length - 1 + i predicted out[i] (eos ends generation early).
    expect(out.map((_, i) => argmaxAt(prompt.length - 1 + i))).toEqual(out);
    await m.decoder.session.release();
  });

  it('writes fp32 weights to model.onnx_data when asked, and loads them from there', async () => {
    const ext = join(dir, 'external');
    expect(statSync(join(ext, 'onnx/model.onnx')).size).toBeLessThan(2_000_000);
    expect(statSync(join(ext, 'onnx/model.onnx_data')).size).toBeGreaterThan(30_000_000);
    const m = await loadNodeModel(ext, { dtype: 'fp32', transform: headMaskTransform() });
    const [out] = await generate(m.decoder, [[5, 6, 7]], { maxNewTokens: 3 });
    const inline = await loadNodeModel(dir, { dtype: 'fp32', transform: headMaskTransform() });
    expect(await generate(inline.decoder, [[5, 6, 7]], { maxNewTokens: 3 })).toEqual([out]);
  });
});
