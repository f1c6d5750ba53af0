/**
 * SPRINT end to end on the bundled model: a real sweep over training
 * questions, labels, the model's own question embeddings, training, ranking.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../../node/loadNodeModel';
import { headMaskTransform } from '../onnx/addHeadMask';
import { gradeAnswer } from '../grading/gradeAnswer';
import type { LoadedModel } from '../model/loadModel';
import { problemFromSynthetic } from '../problems/problem';
import { syntheticProblems } from '../problems/synthetic';
import { runSweep } from '../sweep/runSweep';
import { singleHeadConfigs, type SweepFile } from '../sweep/sweepSchema';
import { rankHeads, rankingFrom, trainSprint } from './sprintSelector';
import { checkSelectorFor, topPicks } from './selectorFormat';
import { compareMethods } from './compareMethods';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveHubLayout } from '../../node/staticServer';
import { MINILM_ID, releaseSentenceEncoders } from './sentenceEncoder';

let model: LoadedModel;
let sweep: SweepFile;
const options = { hidden: 32, k: 16, temperature: 0.1, epochs: 30, batch: 8, learningRate: 3e-3, weightDecay: 1e-4, seed: 4 };

beforeAll(async () => {
  model = await loadNodeModel(BUNDLED_MODEL_DIR, { transform: headMaskTransform({ hiddenStateOutput: true }) });
  const problems = syntheticProblems({ seed: 500, count: 12, level: 2 }).map(problemFromSynthetic);
  sweep = await runSweep(model, {
    schema: 'headlab-sweep', version: 1, mode: 'generate', maxNewTokens: 48,
    model: { name: 'bundled', fingerprint: model.fingerprint, numLayers: 6, numHeads: 8 },
    problems, configs: singleHeadConfigs(6, 8), cells: [],
  }, { batchRows: 48, grade: gradeAnswer });
}, 120_000);

describe('SPRINT on the bundled model', () => {
  it('trains reproducibly from a sweep and ranks every head for a new question', async () => {
    const a = await trainSprint(model, sweep, [...Array(10).keys()], options);
    const b = await trainSprint(model, sweep, [...Array(10).keys()], options);
    expect(a.params).toEqual(b.params);
    expect(a.losses.at(-1)!).toBeLessThan(a.losses[0]);
    expect(a.trainIds).toEqual(sweep.problems.slice(0, 10).map((p) => p.id));
    const ranking = await rankHeads(model, a, sweep.problems[11].question);
    expect(ranking.heads).toHaveLength(48);
    expect(new Set(ranking.heads.map((h) => `${h.layer}.${h.head}`)).size).toBe(48);
    for (const h of ranking.heads) expect(h.score > 0 && h.score < 1).toBe(true);
    expect(ranking.none.position).toBeGreaterThanOrEqual(0);
    expect(ranking.none.position).toBeLessThanOrEqual(48);
    expect(a.fixedOrder[0]).toBe(48);
    expect(a.outcomes).toHaveLength(10 * 49);
  });

  it('evaluates five methods: random heads never repeat, fixed follows the training order, SPRINT its own ranking', async () => {
    const s = await trainSprint(model, sweep, [...Array(10).keys()], options);
    const heldOut = sweep.problems.slice(10);
    const report = await compareMethods(model, s, heldOut, { maxN: 16, ns: [1, 4, 16], maxNewTokens: 48 });
    expect(report.methods.map((m) => m.method)).toEqual(['greedy', 'sampling', 'random', 'fixed', 'sprint']);
    const key = (p: [number, number] | null) => (p ? `${p[0]}.${p[1]}` : 'none');
    for (const [i, problem] of heldOut.entries()) {
      expect(new Set(report.picks.random[i].map(key)).size).toBe(16);
      expect(report.picks.random[i]).not.toContain(null);
      expect(report.picks.fixed[i].map(key)).toEqual(s.fixedOrder.slice(0, 16).map((j) => (j === 48 ? 'none' : `${Math.floor(j / 8)}.${j % 8}`)));
      const ranking = await rankHeads(model, s, problem.question);
      expect(report.picks.sprint[i].map(key)).toEqual(topPicks(ranking, 16).map((h) => (h ? `${h.layer}.${h.head}` : 'none')));
      // Greedy answers are one per pruning: a pick shared by two methods gets the same answer in both.
      report.picks.fixed[i].forEach((p, n) => {
        const m = report.picks.sprint[i].findIndex((q) => key(q) === key(p));
        if (m >= 0) expect(report.attempts.sprint[i][m]).toEqual(report.attempts.fixed[i][n]);
      });
    }
    expect(report.paired.map((c) => c.against)).toEqual(['greedy', 'sampling', 'random', 'fixed']);
  }, 120_000);

  it('refuses a selector for another model, and an empty question', async () => {
    const s = await trainSprint(model, sweep, [...Array(10).keys()], { ...options, epochs: 1 });
    expect(() => checkSelectorFor({ ...s, model: { ...s.model, fingerprint: 'other' } }, model)).toThrow(/different model file/);
    expect(() => checkSelectorFor({ ...s, model: { ...s.model, numHeads: 9 } }, model)).toThrow('This selector is for 6 x 9 heads; the loaded model has 6 x 8.');
    await expect(rankHeads(model, s, '   ')).rejects.toThrow('The question is empty');
    // Chances that overflow are refused, never ranked as "layer -1 head -1, NaN%".
    expect(() => rankingFrom(s, new Float64Array(s.shape.nHeads).fill(NaN))).toThrow(/gave a chance that is not a number/);
  });

  it('trains and ranks with the MiniLM encoder (a stand-in with its layout, served in the Hub layout)', async () => {
    const hub = await serveHubLayout({ [MINILM_ID]: fileURLToPath(new URL('../../node/fixtures/tiny-minilm', import.meta.url)) });
    const cacheDir = mkdtempSync(join(tmpdir(), 'headlab-minilm-'));
    afterAll(async () => {
      await releaseSentenceEncoders();
      await hub.close();
      rmSync(cacheDir, { recursive: true, force: true });
    });
    const encoderSettings = { remoteHost: hub.url, cacheDir };
    const s = await trainSprint(model, sweep, [...Array(10).keys()], { ...options, encoder: 'minilm', encoderSettings });
    expect(s.encoder).toBe('minilm');
    expect(s.shape.dIn).toBe(32);
    const ranking = await rankHeads(model, s, sweep.problems[11].question, encoderSettings);
    expect(ranking.heads).toHaveLength(48);
    await expect(rankHeads(model, { ...s, shape: { ...s.shape, dIn: 128 } }, 'What is 2 + 2?', encoderSettings)).rejects.toThrow(
      'The selector expects 128-wide question embeddings from all-MiniLM-L6-v2 sentence embeddings, but the encoder gave 32.',
    );
  });
});
