import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../../node/loadNodeModel';
import type { LoadedModel } from './loadModel';
import { skippedText, tooLongFor } from './contextFit';

describe('contextFit on the bundled model', () => {
  let model: LoadedModel;
  beforeAll(async () => {
    model = await loadNodeModel(BUNDLED_MODEL_DIR);
  }, 60_000);

  it('names the problems whose prompt leaves no room for the answer, and only those', () => {
    const long = 'Mia has 3 apples. '.repeat(60) + 'How many apples does Mia have?';
    const problems = [
      { id: 'short-1', question: 'Mia has 5 apples. Mia buys 3 more apples. How many apples does Mia have now?' },
      { id: 'long-2', question: long },
      { id: 'short-3', question: 'Tom has 2 pears. How many pears does Tom have?' },
    ];
    const tooLong = tooLongFor(model.tokenizer, model.spec, problems, 64);
    expect(tooLong.map((t) => [t.index, t.id])).toEqual([[1, 'long-2']]);
    expect(tooLong[0].promptTokens + 64).toBeGreaterThan(model.spec.maxPositions);
    expect(skippedText(tooLong, 3, model.spec.maxPositions, 64)).toBe(
      `1 of 3 skipped: longer than the model's ${model.spec.maxPositions}-token context with room for 64 new tokens: long-2 (${tooLong[0].promptTokens} tokens).`,
    );
  });

  it('names the first eight and counts the rest', () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ index: i, id: `p${i}`, promptTokens: 300 }));
    expect(skippedText(many, 20, 256, 64)).toMatch(/^11 of 20 skipped: .*: p0 \(300 tokens\), .*p7 \(300 tokens\), and 3 more\.$/);
  });
});
