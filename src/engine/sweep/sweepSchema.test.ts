import { describe, expect, it } from 'vitest';
import { mergeSweeps } from './mergeSweeps';
import { maskFor, pendingCells, singleHeadConfigs, SweepFileError, sweepProblemOf, type SweepFile } from './sweepSchema';
import { parseSweepText, validateSweepFile } from './validateSweep';
import { problemFromMix, problemFromSynthetic } from '../problems/problem';
import { mixProblem } from '../problems/mix/mixProblems';
import { syntheticProblem } from '../problems/synthetic';

/** A generate-mode cell as runSweep writes it. */
const cell = (config: number, problem: number, correct: boolean) => ({ config, problem, correct, predicted: correct ? '1' : '7', tokens: 12 });

function sweep(cells: SweepFile['cells'], shard?: SweepFile['shard']): SweepFile {
  return {
    schema: 'headlab-sweep', version: 1, mode: 'generate', maxNewTokens: 64,
    model: { name: 'tiny', fingerprint: 'ab'.repeat(32), numLayers: 2, numHeads: 2 },
    problems: [{ id: 'p0', question: 'Q0', reference: '1' }, { id: 'p1', question: 'Q1', reference: '2' }],
    configs: singleHeadConfigs(2, 2), cells, shard,
  };
}

describe('sweep files', () => {
  it('list the baseline then each single head, and build masks', () => {
    expect(singleHeadConfigs(2, 2)).toEqual([[], [[0, 0]], [[0, 1]], [[1, 0]], [[1, 1]]]);
    expect([...maskFor([[1, 0]], 2, 2)]).toEqual([1, 1, 0, 1]);
  });

  it('validate and say what is wrong', () => {
    expect(validateSweepFile(JSON.parse(JSON.stringify(sweep([]))))).toBeTruthy();
    expect(() => validateSweepFile({ ...sweep([]), version: 3 })).toThrow(/version 3 is not supported \(this HeadLab reads versions 1 and 2\)/);
    expect(() => validateSweepFile({ ...sweep([]), schema: 'x' })).toThrow(SweepFileError);
    expect(() => validateSweepFile({ ...sweep([]), configs: [[[5, 0]]] })).toThrow(/configs\[0\]/);
    expect(() => validateSweepFile(sweep([{ config: 9, problem: 0 }]))).toThrow(/cells\[0\] points outside/);
  });

  it('split pending work into shards that cover every cell once', () => {
    const shards = [0, 1, 2].map((index) => pendingCells(sweep([], { index, count: 3 })));
    const all = shards.flat().map((c) => `${c.config}:${c.problem}`);
    expect(all.length).toBe(10);
    expect(new Set(all).size).toBe(10);
    expect(pendingCells(sweep([cell(0, 0, true)]))).toHaveLength(9);
  });

  it('merge shards, and refuse ones that disagree or differ', () => {
    const a = sweep([cell(0, 0, true)], { index: 0, count: 2 });
    const b = sweep([cell(1, 1, false)], { index: 1, count: 2 });
    const merged = mergeSweeps([b, a]);
    expect(merged.cells.map((c) => [c.config, c.problem])).toEqual([[0, 0], [1, 1]]);
    expect(merged.shard).toBeUndefined();
    expect(() => mergeSweeps([sweep([cell(0, 0, true)]), sweep([cell(0, 0, false)])])).toThrow(/disagrees on configuration 0, problem 0/);
    expect(() => mergeSweeps([a, { ...b, model: { ...b.model, fingerprint: 'cd'.repeat(32) } }])).toThrow(/different model/);
  });

  it('check every field of every cell, once each, and accept a byte-order mark', () => {
    const bad = (c: Record<string, unknown>) => () => validateSweepFile(sweep([{ ...cell(0, 0, true), ...c } as never]));
    expect(bad({ predicted: 5 })).toThrow(/cells\[0\]\.predicted must be a string or null, got 5/);
    expect(bad({ correct: 'yes' })).toThrow(/cells\[0\]\.correct must be true or false, got "yes"/);
    expect(bad({ tokens: -3 })).toThrow(/cells\[0\]\.tokens must be a whole number from 0 to 64, got -3/);
    expect(bad({ problem: 1.5 })).toThrow(/cells\[0\] points outside/);
    expect(() => validateSweepFile({ ...sweep([]), problems: [{ id: 3, question: 'Q', reference: '1' }] })).toThrow(/problems\[0\]\.id must be a string, got 3/);
    expect(() => validateSweepFile(sweep([cell(0, 0, true), cell(1, 0, true), cell(0, 0, false)]))).toThrow(/cells\[2\] repeats configuration 0, problem 0 \(first at cells\[0\]\)/);
    expect(() => validateSweepFile({ ...sweep([]), shard: { index: 7, count: 2 } })).toThrow(/"shard" must be \{index, count\}/);
    expect(() => validateSweepFile({ ...sweep([]), mode: 'logprob', cells: [{ config: 0, problem: 0, logprob: 1e309 }] })).toThrow(/logprob must be a finite log-probability/);
    expect(parseSweepText('\uFEFF' + JSON.stringify(sweep([cell(0, 0, true)])), 'x.json').cells).toHaveLength(1);
    expect(() => parseSweepText(JSON.stringify(sweep([])).slice(0, 60), 'cut.json')).toThrow(/^cut\.json: not valid JSON \(.*\); was it cut off/);
  });

  it('merge only shards of one whole split, run with the same settings', () => {
    const shard = (index: number, count: number, cells: SweepFile['cells'] = []) => sweep(cells, { index, count });
    expect(() => mergeSweeps([shard(0, 2), shard(1, 3)])).toThrow(/file 2 is shard 1\/3, file 1 is one of 2: they are different splits/);
    expect(() => mergeSweeps([shard(0, 2), shard(0, 2)])).toThrow(/files 1 and 2 are both shard 0\/2/);
    expect(() => mergeSweeps([shard(0, 3), shard(1, 3)])).toThrow(/shard 2\/3 is missing/);
    expect(() => mergeSweeps([shard(0, 2), sweep([])])).toThrow(/file 2 is a whole sweep, file 1 a shard/);
    expect(() => mergeSweeps([shard(0, 2, [cell(1, 0, true)]), shard(1, 2)])).toThrow(/holds configuration 1, which belongs to shard 1/);
    expect(() => mergeSweeps([shard(0, 2), { ...shard(1, 2), maxNewTokens: 32 }])).toThrow(/file 2 was run with up to 32 new tokens, file 1 with 64/);
    expect(mergeSweeps([shard(1, 2, [cell(1, 0, true)]), shard(0, 2, [cell(0, 0, true)])]).cells).toHaveLength(2);
  });

  it('read version 2 with truncations per configuration, and refuse bad ones', () => {
    const truncations = [[], ['0.mlp.down:0.5'], ['1.attn.o:r2', '0.mlp.up:0.1:bottom'], [], []];
    const v2 = { ...sweep([]), version: 2 as const, truncations };
    expect(validateSweepFile(JSON.parse(JSON.stringify(v2))).truncations).toEqual(truncations);
    expect(() => validateSweepFile({ ...v2, version: 1 })).toThrow(/"truncations" needs version 2/);
    expect(() => validateSweepFile({ ...v2, truncations: [[]] })).toThrow(/as long as "configs"/);
    expect(() => validateSweepFile({ ...v2, truncations: [[], ['0.mlp.side:0.5'], [], [], []] })).toThrow(/truncations\[1\]: truncation "0.mlp.side:0.5"/);
    expect(() => mergeSweeps([v2, { ...v2, truncations: [[], [], [], [], []] }])).toThrow(/different truncations/);
  });

  it('carry each problem\'s family when it has one, keep it through a merge, and refuse an odd one', () => {
    const mix = mixProblem(5, 0);
    expect(sweepProblemOf(problemFromMix(mix))).toEqual({ id: 'mix-5-0', question: mix.question, reference: String(mix.final), solution: mix.answer, family: mix.family });
    // A synthetic problem is written as before: no family key at all.
    expect(Object.keys(sweepProblemOf(problemFromSynthetic(syntheticProblem(7, 0))))).toEqual(['id', 'question', 'reference', 'solution']);
    const families = (f: SweepFile): SweepFile => ({ ...f, problems: [{ ...f.problems[0], family: 'price' }, { ...f.problems[1], family: 'ages' }] });
    const a = families(sweep([cell(0, 0, true)], { index: 0, count: 2 }));
    const b = families(sweep([cell(1, 1, false)], { index: 1, count: 2 }));
    expect(validateSweepFile(JSON.parse(JSON.stringify(a))).problems.map((p) => p.family)).toEqual(['price', 'ages']);
    expect(mergeSweeps([a, b]).problems.map((p) => p.family)).toEqual(['price', 'ages']);
    expect(() => mergeSweeps([a, { ...b, problems: sweep([]).problems }])).toThrow(/different problem set/);
    const odd = (family: unknown) => ({ ...sweep([]), problems: [{ id: 'p0', question: 'Q0', reference: '1', family }] });
    expect(() => validateSweepFile(odd(7))).toThrow(/problems\[0\]\.family must be a short name/);
    expect(() => validateSweepFile(odd('<b>price</b>'))).toThrow(/problems\[0\]\.family/);
    expect(() => validateSweepFile(odd('x'.repeat(33)))).toThrow(/problems\[0\]\.family/);
    expect(validateSweepFile(odd('groups'))).toBeTruthy();
  });
});
