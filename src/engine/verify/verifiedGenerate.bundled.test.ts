/**
 * Draft-verified greedy decoding on the bundled model gives generate()'s
 * greedy answers token for token, over every single-head pruning of
 * held-out problems whose rows leave their draft at the first token,
 * mid-way, by stopping early, and never; and a verified sweep equals a
 * plain one cell by cell.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../../node/loadNodeModel';
import { headMaskTransform } from '../onnx/addHeadMask';
import type { LoadedModel } from '../model/loadModel';
import { generate, padPrompts } from '../model/generate';
import { generateVerified, type VerifyStats } from './verifiedGenerate';
import { readChunk, type StreamCache } from './verifyRead';
import { buildPromptIds } from '../model/prompt';
import { argmax } from '../model/sampling';
import { GENERATORS } from '../problems/generators';
import { maskFor, singleHeadConfigs } from '../sweep/sweepSchema';
import { runSweep } from '../sweep/runSweep';
import { gradeAnswer } from '../grading/gradeAnswer';
import { benchSweepFile } from '../../../bench/benchSweepFile';

let model: LoadedModel;
beforeAll(async () => {
  model = await loadNodeModel(BUNDLED_MODEL_DIR, { transform: headMaskTransform() });
}, 60_000);

const problems = GENERATORS.synthetic.problems({ count: 6, seed: 7 });
// Beside held-out problems: a question whose answer runs to the length limit (the count goes on),
// and two where some prunings end the answer before the draft does.
const questions = [...problems.map((p) => p.question), '1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20', '3 + 4 = ?', 'What is the capital of France?'];

describe('generateVerified on headlab-math-6x8', () => {
  it('reads each position greedily in the graph: the argmax and the top-two margin of the logits', async () => {
    const { spec, decoder } = model;
    const prompts = problems.slice(0, 3).map((p) => buildPromptIds(model.tokenizer, p.question, spec, 64));
    const { ids, mask, pos } = padPrompts(prompts, BigInt(spec.padTokenId));
    const input = () => ({ inputIds: ids, attentionMask: mask, positionIds: pos, batch: prompts.length, past: decoder.emptyPast(prompts.length), noCache: true });
    expect(decoder.hasGreedyOutputs).toBe(true);
    const read = await decoder.greedyRead(input());
    const { logits } = await decoder.step({ ...input(), allLogits: true });
    const vocab = spec.vocabSize;
    for (let p = 0; p < read.tokens.length; p++) {
      expect(read.tokens[p]).toBe(argmax(logits!, p * vocab, vocab));
      const sorted = [...logits!.subarray(p * vocab, (p + 1) * vocab)].sort((a, b) => b - a);
      expect(read.margins[p]).toBeCloseTo(sorted[0] - sorted[1], 4);
    }
  });

  it('reads each row from its first pruned layer up with the full pass\'s argmax at every position, and at the last positions alone', async () => {
    const { spec, decoder } = model;
    expect(decoder.layerSkip?.streams).toHaveLength(spec.numLayers);
    const configs = singleHeadConfigs(spec.numLayers, spec.numHeads).slice(1);
    const perRow = spec.numLayers * spec.numHeads;
    // Two problems' sequences (prompt and unpruned answer) in one chunk, each under every single head.
    const sequences = await Promise.all(problems.slice(0, 2).map(async (p) => {
      const prompt = buildPromptIds(model.tokenizer, p.question, spec, 64);
      return [...prompt, ...(await generate(decoder, [prompt], { maxNewTokens: 64 }))[0]];
    }));
    const rows = sequences.flatMap((_, s) => configs.map((c) => ({ s, c })));
    const { ids, mask, pos } = padPrompts(rows.map((r) => sequences[r.s]), BigInt(spec.padTokenId));
    const headMask = new Float32Array(rows.length * perRow);
    rows.forEach((r, i) => headMask.set(maskFor(r.c, spec.numLayers, spec.numHeads), i * perRow));
    const sequence = rows.map((r) => String(r.s));
    const whole = await decoder.greedyRead({ inputIds: ids, attentionMask: mask, positionIds: pos, batch: rows.length, past: decoder.emptyPast(rows.length), headMask, noCache: true });
    // Streams read in this chunk, and streams kept from chunks of other widths (each sequence alone, unpadded).
    const streams: StreamCache = new Map();
    for (const s of [0, 1]) {
      const one = padPrompts([sequences[s]], BigInt(spec.padTokenId));
      await readChunk(decoder, { ...one, batch: 1, headMask: maskFor(configs[configs.length - 1], spec.numLayers, spec.numHeads), sequence: [String(s)], streams });
    }
    for (const cache of [undefined, streams]) {
      const skipped = await readChunk(decoder, { ids, mask, pos, batch: rows.length, headMask, sequence, streams: cache });
      // Padding positions are never read (their streams are zeros here), so only the sequences' own are compared.
      const real = [...mask.keys()].filter((i) => mask[i] === 1n);
      expect(real.map((i) => skipped.tokens[i])).toEqual(real.map((i) => whole.tokens[i]));
      real.forEach((i) => expect(Math.abs(skipped.margins[i] - whole.margins[i])).toBeLessThan(1e-3));
    }
    expect(streams.size).toBe(2);
    // Reading the last 20 positions only (the last layer's queries there alone): the whole read's last 20 columns.
    const width = ids.length / rows.length;
    const last = await readChunk(decoder, { ids, mask, pos, batch: rows.length, headMask, sequence, streams, keep: 20 });
    const columns = rows.flatMap((_, r) => Array.from({ length: 20 }, (_, j) => r * width + width - 20 + j));
    expect([...last.tokens]).toEqual(columns.map((i) => whole.tokens[i]));
    columns.forEach((i, j) => expect(Math.abs(last.margins[j] - whole.margins[i])).toBeLessThan(1e-3));
  });

  it('gives every pruned row generate()\'s greedy answer, whether it leaves the draft at once, mid-way, by stopping early, or never, decoding on from the pass\'s cache (rows joining a batch as others end, or in fixed groups), reading again, or both past a cache budget', async () => {
    const { spec, decoder } = model;
    const configs = singleHeadConfigs(spec.numLayers, spec.numHeads);
    const perRow = spec.numLayers * spec.numHeads;
    const seen = { first: 0, midway: 0, early: 0, never: 0, limit: 0 };
    let fromCache = 0;
    const budgeted: [number, number][] = [];
    for (const [q, question] of questions.entries()) {
      const prompt = buildPromptIds(model.tokenizer, question, spec, 64);
      const prompts = configs.map(() => prompt);
      const headMask = new Float32Array(configs.length * perRow);
      configs.forEach((c, r) => headMask.set(maskFor(c, spec.numLayers, spec.numHeads), r * perRow));
      const plain = await generate(decoder, prompts, { maxNewTokens: 64, headMask });
      let stats: VerifyStats | undefined;
      // Passes of 16 rows, and of 4 (rows decoding on join a batch of 4 as others end); rows decoding on from the pass's cache, and reading their prompts again.
      const verified = await generateVerified(decoder, prompts, { maxNewTokens: 64, headMask, chunkRows: q % 2 ? 16 : 4, onStats: (s) => (stats = s) });
      expect(verified).toEqual(plain);
      expect(stats!.fromCache).toBe(stats!.continued);
      fromCache += stats!.fromCache;
      const reread = await generateVerified(decoder, prompts, { maxNewTokens: 64, headMask, chunkRows: q % 2 ? undefined : 16, reuseCache: false, onStats: (s) => (stats = s) });
      expect(reread).toEqual(plain);
      expect(stats!.fromCache).toBe(0);
      // A cache budget of about two rows: the first rows to leave decode on from the cache (in fixed groups, the earlier way), the rest read again, in one call.
      const rowBytes = 2 * spec.numLayers * spec.numKvHeads * spec.headDim * 4 * (prompt.length + 64);
      const mixed = await generateVerified(decoder, prompts, { maxNewTokens: 64, headMask, cacheBudgetBytes: 2 * rowBytes, cachedDecoding: 'groups', onStats: (s) => (stats = s) });
      expect(mixed).toEqual(plain);
      if (stats!.continued > 2) budgeted.push([stats!.fromCache, stats!.continued]);
      if (plain[0].length === 64) seen.limit++;
      expect(stats!.verified).toBe(configs.length - 1);
      const draft = plain[0];
      const diverged = new Set(stats!.divergences.map((d) => d.row));
      seen.never += configs.length - 1 - diverged.size;
      for (const d of stats!.divergences) {
        if (plain[d.row].length === d.at && d.at < draft.length) seen.early++;
        else if (d.at === 0) seen.first++;
        else seen.midway++;
        expect(d.margin).toBeGreaterThanOrEqual(0);
      }
    }
    expect(seen.first).toBeGreaterThan(0);
    expect(seen.midway).toBeGreaterThan(0);
    expect(seen.early).toBeGreaterThan(0);
    expect(seen.never).toBeGreaterThan(0);
    expect(seen.limit).toBe(1);
    expect(fromCache).toBeGreaterThan(0);
    expect(budgeted.length).toBeGreaterThan(0);
    for (const [cached, continued] of budgeted) expect(cached > 0 && cached < continued).toBe(true);
  }, 240_000);

  it('a verified sweep equals a plain one in predicted, correct and tokens, cell by cell', async () => {
    const file = { ...benchSweepFile({ fingerprint: model.fingerprint, mode: 'generate', seed: 11, count: 4 }) };
    const cells = async (decode: 'plain' | 'verified') =>
      (await runSweep(model, file, { batchRows: 16, grade: gradeAnswer, decode })).cells.map(({ config, problem, predicted, correct, tokens }) => ({ config, problem, predicted, correct, tokens }));
    const plain = await cells('plain');
    expect(plain).toHaveLength(49 * 4);
    expect(await cells('verified')).toEqual(plain);
  }, 120_000);

  it('drafts every problem a call reaches, however its rows fall across problems (one row per batch)', async () => {
    const file = { ...benchSweepFile({ fingerprint: model.fingerprint, mode: 'generate', seed: 11, count: 1 }) };
    // Three problems of one prompt length and two configurations: a call of 4 rows (one batch, pooled 4 times)
    // reaches more problems than it has batches, which once left one without a draft.
    const problems = [0, 1, 2].map((i) => ({ ...file.problems[0], id: `copy-${i}` }));
    const small = { ...file, problems, configs: file.configs.slice(0, 2) };
    const cells = async (decode: 'plain' | 'verified') =>
      (await runSweep(model, small, { batchRows: 1, grade: gradeAnswer, decode })).cells.map(({ config, problem, predicted, correct, tokens }) => ({ config, problem, predicted, correct, tokens }));
    expect(await cells('verified')).toEqual(await cells('plain'));
  }, 60_000);
});
