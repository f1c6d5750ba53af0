/**
 * The LM head on the last positions only, on the bundled model: the kept
 * logits are the full pass's last ones, a greedy read of the last K
 * positions equals the full read's last K columns, the final hidden state
 * stays whole, and the surgery is not applied twice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../../node/loadNodeModel';
import type { LoadedModel } from '../model/loadModel';
import { padPrompts } from '../model/generate';
import { headMaskTransform } from './addHeadMask';
import { addLogitsToKeep, LOGITS_TO_KEEP } from './logitsToKeep';
import { readModelLayout } from './modelLayout';

let model: LoadedModel;
beforeAll(async () => {
  model = await loadNodeModel(BUNDLED_MODEL_DIR, { transform: headMaskTransform({ hiddenStateOutput: true }) });
}, 60_000);

const rows = ['Mia has 5 apples and buys 3 more.', 'Tom has 12 pears.'];

describe('num_logits_to_keep', () => {
  it('runs the LM head on the last positions only, with the full pass\'s values there', async () => {
    const { decoder } = model;
    expect(decoder.hasLogitsToKeep).toBe(true);
    const prompts = rows.map((q) => Array.from(model.tokenizer.encode(q) as number[]));
    const { ids, mask, pos } = padPrompts(prompts, 0n);
    const width = ids.length / rows.length;
    const input = (logitsToKeep?: number) => ({ inputIds: ids, attentionMask: mask, positionIds: pos, batch: rows.length, past: decoder.emptyPast(rows.length), noCache: true, logitsToKeep });
    const whole = await decoder.step({ ...input(), allLogits: true, hidden: true });
    const last = await decoder.step({ ...input(), hidden: true });
    const vocab = model.spec.vocabSize;
    expect(whole.logits).toHaveLength(rows.length * width * vocab);
    last.lastLogits.forEach((x, i) => expect(x).toBeCloseTo(whole.lastLogits[i], 4));
    expect(last.hidden).toEqual(whole.hidden);

    const full = await decoder.greedyRead(input());
    const three = await decoder.greedyRead(input(3));
    expect(three.tokens).toHaveLength(rows.length * 3);
    rows.forEach((_, b) => expect([...three.tokens.subarray(b * 3, b * 3 + 3)]).toEqual([...full.tokens.subarray(b * width + width - 3, (b + 1) * width)]));
  });

  it('adds one input, and leaves a model that has it alone', () => {
    const file = new Uint8Array(readFileSync(join(BUNDLED_MODEL_DIR, 'onnx/model.onnx')));
    const once = addLogitsToKeep(file, file.length);
    expect(readModelLayout(once).inputs).toContain(LOGITS_TO_KEEP);
    const twice = addLogitsToKeep(once, once.length);
    expect(twice.length).toBe(once.length);
  });
});
