/**
 * The diverged rows' cache out of a greedy read, on the bundled model: the
 * rows are exactly those whose argmax differs from draft_next at a checked
 * position, their keys and values are the pass's own (kv_step) rows, a pass
 * that checks nothing gives none, and the surgery is applied only where it
 * can be, and once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../../node/loadNodeModel';
import type { LoadedModel } from '../model/loadModel';
import { padPrompts } from '../model/generate';
import { headMaskTransform } from './addHeadMask';
import { addDivergedCacheOutputs, DIVERGED_ROWS, DRAFT_NEXT, withDivergedCacheOutputs } from './divergedCacheOutputs';
import { withKvStepOutputs } from './kvStepOutputs';
import { withGreedyOutputs } from './greedyOutputs';
import { readModelLayout } from './modelLayout';

let model: LoadedModel;
beforeAll(async () => {
  model = await loadNodeModel(BUNDLED_MODEL_DIR, { transform: headMaskTransform() });
}, 60_000);

const questions = ['Mia has 5 apples and buys 3 more.', 'Tom has 12 pears.', 'What is 7 + 8?', 'Sam walks 4 km.'];

describe('diverged cache outputs', () => {
  it('gives the rows that leave draft_next, and their rows of the pass\'s keys and values', async () => {
    const { decoder, spec } = model;
    expect(decoder.hasDivergedCache).toBe(true);
    const prompts = questions.map((q) => Array.from(model.tokenizer.encode(q) as number[]));
    const { ids, mask, pos } = padPrompts(prompts, BigInt(spec.padTokenId));
    const batch = prompts.length;
    const width = ids.length / batch;
    const input = (draftNext?: BigInt64Array) => ({ inputIds: ids, attentionMask: mask, positionIds: pos, batch, past: decoder.emptyPast(batch), noCache: true, logitsToKeep: 4, draftNext });
    const plain = await decoder.greedyRead(input());
    expect(plain.diverged).toBeUndefined();
    // Rows 0 and 2 expect their own argmax everywhere; row 1 expects another token at one position; row 3 checks nothing.
    const next = BigInt64Array.from(plain.tokens, BigInt);
    next[4 + 2] = BigInt((plain.tokens[4 + 2] + 1) % spec.vocabSize);
    next.fill(-1n, 12, 16);
    const read = await decoder.greedyRead(input(next));
    expect(read.diverged!.rows).toEqual([1]);
    const all = await decoder.step({ ...input(), noCache: false, stepOnly: true });
    for (let t = 0; t < 2 * spec.numLayers; t++) {
      const perRow = spec.numKvHeads * width * spec.headDim;
      expect(read.diverged!.kv[t]).toEqual(all.kvStep![t].subarray(perRow, 2 * perRow));
    }
    const none = await decoder.greedyRead(input(BigInt64Array.from(plain.tokens, BigInt)));
    expect(none.diverged!.rows).toEqual([]);
    expect(none.diverged!.kv[0]).toHaveLength(0);
  });

  it('checks every position against one expected token per row when draft_next is [batch, 1]', async () => {
    const { decoder, spec } = model;
    const prompts = questions.slice(0, 2).map((q) => Array.from(model.tokenizer.encode(q) as number[]));
    const { ids, mask, pos } = padPrompts(prompts, BigInt(spec.padTokenId));
    const read = await decoder.greedyRead({ inputIds: ids, attentionMask: mask, positionIds: pos, batch: 2, past: decoder.emptyPast(2), noCache: true, logitsToKeep: 1, draftNext: BigInt64Array.of(-1n, 0n) });
    expect(read.diverged!.rows).toEqual(read.tokens[1] === 0 ? [] : [1]);
  });

  it('is added where the greedy and kv_step outputs are, and only once', () => {
    const bytes = new Uint8Array(readFileSync(join(BUNDLED_MODEL_DIR, 'onnx/model.onnx')));
    // Without greedy_tokens and kv_step outputs there is nothing to gather from: the model is returned as it was.
    expect(addDivergedCacheOutputs(bytes, bytes.length, 6)).toHaveLength(bytes.length);
    const once = withDivergedCacheOutputs(withKvStepOutputs(withGreedyOutputs(headMaskTransform()))).apply(bytes, bytes.length, model.spec);
    const layout = readModelLayout(once);
    expect(layout.inputs).toContain(DRAFT_NEXT);
    expect(layout.outputs.filter((n) => n === DIVERGED_ROWS || n.startsWith('diverged_kv.'))).toHaveLength(13);
    expect(addDivergedCacheOutputs(once, once.length, 6)).toHaveLength(once.length);
  });
});
