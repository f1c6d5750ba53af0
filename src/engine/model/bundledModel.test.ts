/**
 * The real bundled model under onnxruntime-node: pinned greedy answers on
 * held-out problems, batch independence, context refusal, cancellation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../../node/loadNodeModel';
import { syntheticProblems } from '../problems/synthetic';
import { HELD_OUT_SEED } from '../problems/splits';
import { ContextLengthError, InvalidRequestError } from './errors';
import type { LoadedModel } from './loadModel';
import { solveQuestions } from './solve';
import { generate } from './generate';
import { buildPromptIds } from './prompt';
import { scoreContinuations } from './scoreTokens';
import { PINNED_ANSWERS } from './bundledModelPins';

const HELD_OUT = syntheticProblems({ seed: HELD_OUT_SEED, count: 8 });

let model: LoadedModel;
beforeAll(async () => {
  model = await loadNodeModel(BUNDLED_MODEL_DIR);
});

describe('bundled model', () => {
  it('is a 6 x 8 Llama decoder with a 256-token context', () => {
    expect(model.spec).toMatchObject({ modelType: 'llama', numLayers: 6, numHeads: 8, numKvHeads: 8, headDim: 16, maxPositions: 256 });
  });

  it('gives its pinned greedy answers to held-out problems', async () => {
    const solutions = await solveQuestions(model, HELD_OUT.map((p) => p.question), { maxNewTokens: 64 });
    expect(solutions.map((s) => s.text)).toEqual(PINNED_ANSWERS);
  });

  it("answers each row the same alone as in a left-padded batch", async () => {
    const questions = HELD_OUT.slice(0, 4).map((p) => p.question);
    const batched = await solveQuestions(model, questions, { maxNewTokens: 64 });
    for (let i = 0; i < questions.length; i++) {
      const [alone] = await solveQuestions(model, [questions[i]], { maxNewTokens: 64 });
      expect(alone.tokens).toEqual(batched[i].tokens);
    }
  });

  it('refuses a question longer than the context and says the limit', async () => {
    const long = Array.from({ length: 60 }, () => HELD_OUT[0].question).join(' ');
    const err = await solveQuestions(model, [long], { maxNewTokens: 64 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContextLengthError);
    expect((err as Error).message).toMatch(/the model's context is 256 tokens/);
  });

  it('refuses an empty question', async () => {
    await expect(solveQuestions(model, ['  '], { maxNewTokens: 8 })).rejects.toBeInstanceOf(InvalidRequestError);
  });

  it('stops within one step of cancellation', async () => {
    const controller = new AbortController();
    let steps = 0;
    let stepsAfterAbort = 0;
    const run = solveQuestions(model, [HELD_OUT[1].question], {
      maxNewTokens: 64,
      signal: controller.signal,
      onText: () => {
        if (controller.signal.aborted) stepsAfterAbort++;
        if (++steps === 2) controller.abort(new DOMException('Cancelled', 'AbortError'));
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(stepsAfterAbort).toBe(0);
  });
});

describe('sampling and stop strings on the bundled model', () => {
  const prompt = () => buildPromptIds(model.tokenizer, HELD_OUT[2].question, model.spec, 64);
  const sampling = { temperature: 0.9, topP: 0.95, topK: 40, seed: 11 };

  it('the same seed gives the same sample, and a row samples the same alone as in a batch', async () => {
    const p = prompt();
    const a = await generate(model.decoder, [p, p, p], { maxNewTokens: 48, sampling });
    const b = await generate(model.decoder, [p], { maxNewTokens: 48, sampling, rowSeeds: [2] });
    expect(b[0]).toEqual(a[2]);
    const c = await generate(model.decoder, [p, p, p], { maxNewTokens: 48, sampling });
    expect(c).toEqual(a);
  });

  it('different seeds give different samples at temperature 1.5', async () => {
    const p = prompt();
    const rows = await generate(model.decoder, Array.from({ length: 6 }, () => p), { maxNewTokens: 48, sampling: { temperature: 1.5, seed: 3 } });
    expect(new Set(rows.map((r) => r.join(','))).size).toBeGreaterThan(1);
  });

  it('stops a row at a stop string', async () => {
    const decode = (ids: number[]) => model.tokenizer.decode(ids, { skip_special_tokens: true });
    const [row] = await generate(model.decoder, [prompt()], { maxNewTokens: 64, stopStrings: ['\n'], decode });
    const text = decode(row);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.indexOf('\n')).toBe(text.length - 1);
  });

  it('rejects a head mask when the session has no head_mask input', async () => {
    const mask = new Float32Array(model.spec.numLayers * model.spec.numHeads).fill(1);
    await expect(generate(model.decoder, [prompt()], { maxNewTokens: 4, headMask: mask })).rejects.toThrow(/no head_mask input/);
  });
});

describe('teacher-forced scoring on the bundled model', () => {
  /** The same quantity, one cached step at a time. */
  async function stepwise(prompt: number[], target: number[]): Promise<number> {
    const decoder = model.decoder;
    let ids = BigInt64Array.from(prompt.map(BigInt));
    let mask = new BigInt64Array(prompt.length).fill(1n);
    let pos = BigInt64Array.from(prompt.map((_, i) => BigInt(i)));
    let past = decoder.emptyPast(1);
    let total = 0;
    for (let t = 0; t < target.length; t++) {
      const { lastLogits, present } = await decoder.step({ inputIds: ids, attentionMask: mask, positionIds: pos, batch: 1, past });
      past = present;
      const max = Math.max(...lastLogits);
      const logSum = Math.log(lastLogits.reduce((s, x) => s + Math.exp(x - max), 0));
      total += lastLogits[target[t]] - max - logSum;
      ids = BigInt64Array.of(BigInt(target[t]));
      pos = BigInt64Array.of(BigInt(prompt.length + t));
      mask = new BigInt64Array(prompt.length + t + 1).fill(1n);
    }
    for (const p of past) p.dispose();
    return total;
  }

  it('equals step-by-step log-probabilities, alone and in a padded batch', async () => {
    const prompts = HELD_OUT.slice(0, 3).map((p) => buildPromptIds(model.tokenizer, p.question, model.spec, 64));
    const targets = HELD_OUT.slice(0, 3).map((p) => model.tokenizer.encode(p.answer, { add_special_tokens: false }));
    const batched = await scoreContinuations(model.decoder, prompts, targets);
    for (let i = 0; i < 3; i++) {
      const expected = await stepwise(prompts[i], targets[i]);
      expect(batched[i]).toBeCloseTo(expected, 3);
      expect(batched[i]).toBeLessThan(0);
    }
  });
});
