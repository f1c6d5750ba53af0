/**
 * A comparison's pruned run, verified against the unpruned run's answers,
 * gives the same report as decoding it: every problem's answer, grade and
 * token ids, under one pruned head and under several in different layers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../../node/loadNodeModel';
import { headMaskTransform } from '../onnx/addHeadMask';
import type { LoadedModel } from '../model/loadModel';
import { GENERATORS } from '../problems/generators';
import { maskFor, type HeadRef } from '../sweep/sweepSchema';
import { evaluateProblems, VERIFIED_BATCH } from './evaluateProblems';

let model: LoadedModel;
beforeAll(async () => {
  model = await loadNodeModel(BUNDLED_MODEL_DIR, { transform: headMaskTransform() });
}, 60_000);

const problems = GENERATORS.synthetic.problems({ count: 40, seed: 7 });
const strip = (r: Awaited<ReturnType<typeof evaluateProblems>>) => ({ ...r, results: r.results.map(({ seconds: _s, batch: _b, ...rest }) => rest) });

describe('evaluateProblems with drafts', () => {
  it.each([[[[0, 2]]], [[[1, 3], [3, 0], [5, 7]]]] as HeadRef[][][])('verifies the pruned run (%j) to the plain run\'s report', async (prune) => {
    const { numLayers, numHeads } = model.spec;
    const baseline = await evaluateProblems(model, problems, { maxNewTokens: 64, batch: 8 });
    const headMask = maskFor(prune, numLayers, numHeads);
    const plain = await evaluateProblems(model, problems, { maxNewTokens: 64, batch: 8, headMask });
    const verified = await evaluateProblems(model, problems, { maxNewTokens: 64, batch: 8, headMask, drafts: baseline.results.map((r) => r.ids) });
    expect(strip(verified)).toEqual(strip(plain));
    expect(verified.results.filter((r, i) => r.text !== baseline.results[i].text).length).toBeGreaterThan(0);
    expect(Math.max(...verified.results.map((r) => r.batch))).toBe(Math.ceil(problems.length / VERIFIED_BATCH) - 1);
  }, 60_000);
});
