/**
 * Draft verification beyond the bundled model: on an fp16 stand-in (float16
 * logits and cache; the greedy outputs cast in the graph) and on a fused
 * GroupQueryAttention stand-in (no left padding: rows run by length),
 * verified answers equal generate()'s; the graph's greedy reading equals
 * one done on fetched logits. Random weights make most pruned rows leave
 * their draft, so decoding on is exercised hard: from the pass's float16
 * cache on the fp16 stand-in, by reading again on the fused one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reducedShape, STANDIN_SHAPES } from '../standin/shapes';
import { loadNodeModel } from '../../node/loadNodeModel';
import { writeStandin } from '../../node/standin/writeStandin';
import { headMaskTransform } from '../onnx/addHeadMask';
import type { LoadedModel } from '../model/loadModel';
import { generate, padPrompts } from '../model/generate';
import { generateVerified, type VerifyStats } from './verifiedGenerate';
import { greedyOfLogits } from '../model/greedyRead';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'headlab-verified-'));
  writeStandin(join(dir, 'fp16'), reducedShape(STANDIN_SHAPES['smollm2-135m'], { layers: 2, vocab: 1024 }), 'fp16', 5);
  writeStandin(join(dir, 'gqa'), reducedShape(STANDIN_SHAPES['qwen2.5-0.5b'], { layers: 2, vocab: 1024 }), 'fp32', 3, { attention: 'gqa' });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Three prompts of two lengths, each under no pruning and under three single-head prunings. */
function rows(m: LoadedModel): { prompts: number[][]; headMask: Float32Array } {
  const { numLayers, numHeads } = m.spec;
  const questions = ['Mia has 5 apples and buys 3 more.', 'Tom has 12 pears.', 'Mia has 6 apples and buys 2 more.'];
  const encoded = questions.map((q) => Array.from(m.tokenizer.encode(q) as number[]));
  const prunings = [-1, 0, numHeads + 1, numLayers * numHeads - 1];
  const prompts = encoded.flatMap((p) => prunings.map(() => p));
  const headMask = new Float32Array(prompts.length * numLayers * numHeads).fill(1);
  prompts.forEach((_, r) => {
    const head = prunings[r % prunings.length];
    if (head >= 0) headMask[r * numLayers * numHeads + head] = 0;
  });
  return { prompts, headMask };
}

describe.each(['fp16', 'gqa'])('generateVerified on the %s stand-in', (name) => {
  it('gives generate()\'s greedy answers, and reads greedily as the logits say', async () => {
    const m = await loadNodeModel(join(dir, name), { transform: headMaskTransform() });
    try {
      expect(m.decoder.hasGreedyOutputs).toBe(true);
      expect(m.decoder.paddedBatches).toBe(name !== 'gqa');
      const { prompts, headMask } = rows(m);
      const plain = await generate(m.decoder, prompts, { maxNewTokens: 12, headMask });
      let stats: VerifyStats | undefined;
      expect(await generateVerified(m.decoder, prompts, { maxNewTokens: 12, headMask, chunkRows: 5, onStats: (s) => (stats = s) })).toEqual(plain);
      expect(stats!.verified).toBe(9);
      expect(stats!.continued).toBeGreaterThan(0);
      // The fp16 stand-in's rows decode on from the pass's float16 cache; the fused one has no kv_step to gather, and reads again.
      expect(m.decoder.hasDivergedCache).toBe(name === 'fp16');
      expect(stats!.fromCache).toBe(name === 'fp16' ? stats!.continued : 0);

      const one = [prompts[0]];
      const { ids, mask, pos } = padPrompts(one, 0n);
      const input = () => ({ inputIds: ids, attentionMask: mask, positionIds: pos, batch: 1, past: m.decoder.emptyPast(1), noCache: true });
      const read = await m.decoder.greedyRead(input());
      const { logits } = await m.decoder.step({ ...input(), allLogits: true });
      const fromLogits = greedyOfLogits(logits!, m.spec.vocabSize);
      expect([...read.tokens]).toEqual([...fromLogits.tokens]);
      read.margins.forEach((margin, p) => expect(margin).toBeCloseTo(fromLogits.margins[p], 3));
    } finally {
      await m.decoder.session.release();
    }
  }, 120_000);
});
