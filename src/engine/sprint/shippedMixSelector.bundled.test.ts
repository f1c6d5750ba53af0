/**
 * The positive control end to end in Node: headlab-mix-6x8 with its shipped
 * selector, the five-method comparison on held-out mix problems. The report
 * carries each problem's family, and on held-out problem 3 (a distracted
 * `groups` question the unpruned model answers with its shortcut) SPRINT's
 * first pick answers right where greedy and `fixed`'s first try do not.
 * Its greedy methods give the same attempts verified as decoded plainly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MIX_MODEL_DIR, loadNodeModel } from '../../node/loadNodeModel';
import { headMaskTransform } from '../onnx/addHeadMask';
import type { LoadedModel } from '../model/loadModel';
import { mixProblems } from '../problems/mix/mixProblems';
import { problemFromMix } from '../problems/problem';
import { HELD_OUT_SEED } from '../problems/splits';
import { sweepProblemOf } from '../sweep/sweepSchema';
import { compareMethods } from './compareMethods';
import { parseSelectorText } from './selectorFile';

let model: LoadedModel;
beforeAll(async () => {
  model = await loadNodeModel(MIX_MODEL_DIR, { transform: headMaskTransform({ hiddenStateOutput: true }) });
});

describe('headlab-mix-6x8 with its shipped selector', () => {
  it('compares the five methods on held-out mix problems, by family, and fixes a shortcut answer at the first pick', async () => {
    const selector = parseSelectorText(readFileSync(join(MIX_MODEL_DIR, 'sprint-selector.json'), 'utf8'));
    const problems = mixProblems({ seed: HELD_OUT_SEED, count: 4 }).map((p) => sweepProblemOf(problemFromMix(p)));
    const report = await compareMethods(model, selector, problems, { maxN: 2, ns: [1, 2] });
    expect(report.families).toEqual(mixProblems({ seed: HELD_OUT_SEED, count: 4 }).map((p) => p.family));
    // Problem 3: "Ruby has 4 jars with 3 crayons in each. Maya has 7 empty jars. ..." (groups, right answer 17).
    expect(report.attempts.greedy[3][0]).toMatchObject({ answer: '26', correct: false });
    expect(report.attempts.fixed[3][0]).toMatchObject({ correct: false });
    expect(report.attempts.sprint[3][0]).toMatchObject({ answer: '17', correct: true });
  });

  it('gives the same attempts with the greedy methods verified (the default) as decoded plainly, over more than one block', async () => {
    const selector = parseSelectorText(readFileSync(join(MIX_MODEL_DIR, 'sprint-selector.json'), 'utf8'));
    const problems = mixProblems({ seed: HELD_OUT_SEED, count: 12 }).map((p) => sweepProblemOf(problemFromMix(p)));
    const verified = await compareMethods(model, selector, problems, { maxN: 4, ns: [1, 4] });
    const plain = await compareMethods(model, selector, problems, { maxN: 4, ns: [1, 4], decode: 'plain' });
    expect(verified.attempts).toEqual(plain.attempts);
    expect(verified.picks).toEqual(plain.picks);
  }, 60_000);
});
