/**
 * One question under every head on the bundled model: each head's answer is
 * the plain path's, outcomes follow from right and wrong (or, with no
 * expected answer, from changed or not), and the CSV lists them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../../node/loadNodeModel';
import { headMaskTransform } from '../onnx/addHeadMask';
import type { LoadedModel } from '../model/loadModel';
import { generate } from '../model/generate';
import { buildPromptIds } from '../model/prompt';
import { gradeAnswer } from '../grading/gradeAnswer';
import { syntheticProblem } from '../problems/synthetic';
import { maskFor, singleHeadConfigs } from './sweepSchema';
import { everyHead, outcomeOf } from './everyHead';
import { EVERY_HEAD_CSV_HEADER, everyHeadCsv } from '../export/everyHeadCsv';

let model: LoadedModel;
beforeAll(async () => {
  model = await loadNodeModel(BUNDLED_MODEL_DIR, { transform: headMaskTransform() });
}, 60_000);

describe('everyHead on headlab-math-6x8', () => {
  it('gives each head the plain path\'s answer and the outcome its grades say', async () => {
    // Problem 2 of seed 5: the unpruned answer is wrong and four single prunings put it right.
    const problem = syntheticProblem(5, 2);
    const reference = String(problem.final);
    const report = await everyHead(model, problem.question, reference, { maxNewTokens: 64, batchRows: 16 });
    const { spec } = model;
    const configs = singleHeadConfigs(spec.numLayers, spec.numHeads);
    const perRow = spec.numLayers * spec.numHeads;
    const headMask = new Float32Array(configs.length * perRow);
    configs.forEach((c, r) => headMask.set(maskFor(c, spec.numLayers, spec.numHeads), r * perRow));
    const prompt = buildPromptIds(model.tokenizer, problem.question, spec, 64);
    const plain = await generate(model.decoder, configs.map(() => prompt), { maxNewTokens: 64, headMask });
    const graded = plain.map((ids) => gradeAnswer(model.tokenizer.decode(ids, { skip_special_tokens: true }), reference));
    expect(report.unpruned).toEqual({ predicted: graded[0].predicted, correct: graded[0].correct, tokens: plain[0].length });
    expect(report.heads).toHaveLength(48);
    report.heads.forEach((h, i) => {
      expect([h.layer, h.head]).toEqual(configs[i + 1][0]);
      expect({ predicted: h.predicted, correct: h.correct, tokens: h.tokens }).toEqual({ predicted: graded[i + 1].predicted, correct: graded[i + 1].correct, tokens: plain[i + 1].length });
      expect(h.outcome).toBe(outcomeOf(report.unpruned, h, true));
    });
    expect(report.unpruned.correct).toBe(false);
    expect(report.heads.filter((h) => h.outcome === 'fixes')).toHaveLength(4);

    const blind = await everyHead(model, problem.question, '', { maxNewTokens: 64, batchRows: 16 });
    expect(blind.heads.map((h) => h.predicted)).toEqual(report.heads.map((h) => h.predicted));
    expect(new Set(blind.heads.map((h) => h.outcome))).toEqual(new Set(['changes', 'same']));

    const csv = everyHeadCsv(report, spec.numHeads, []).trim().split('\n');
    expect(csv[0]).toBe(EVERY_HEAD_CSV_HEADER);
    expect(csv[1]).toBe(`0,0,"${report.heads[0].predicted ?? ''}",${report.heads[0].correct},${report.heads[0].tokens},${report.heads[0].outcome},"${report.unpruned.predicted}",false,,`);
  }, 60_000);

  it('says fixes and breaks only with an expected answer', () => {
    const right = { predicted: '5', correct: true, tokens: 3 };
    const wrong = { predicted: '6', correct: false, tokens: 3 };
    expect(outcomeOf(wrong, right, true)).toBe('fixes');
    expect(outcomeOf(right, wrong, true)).toBe('breaks');
    expect(outcomeOf(wrong, { ...wrong, predicted: '7' }, true)).toBe('changes');
    expect(outcomeOf(wrong, right, false)).toBe('changes');
    expect(outcomeOf(right, right, true)).toBe('same');
  });
});
