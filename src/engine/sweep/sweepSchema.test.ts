import { describe, expect, it } from 'vitest';
import { mergeSweeps } from './mergeSweeps';
import { maskFor, pendingCells, singleHeadConfigs, SweepFileError, sweepProblemOf, validateSweepFile, type SweepFile } from './sweepSchema';
import { problemFromMix, problemFromSynthetic } from '../problems/problem';
import { mixProblem } from '../problems/mix/mixProblems';
import { syntheticProblem } from '../problems/synthetic';

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
    expect(pendingCells(sweep([{ config: 0, problem: 0, correct: true }]))).toHaveLength(9);
  });

  it('merge shards, and refuse ones that disagree or differ', () => {
    const a = sweep([{ config: 0, problem: 0, correct: true }], { index: 0, count: 2 });
    const b = sweep([{ config: 1, problem: 1, correct: false }], { index: 1, count: 2 });
    const merged = mergeSweeps([b, a]);
    expect(merged.cells.map((c) => [c.config, c.problem])).toEqual([[0, 0], [1, 1]]);
    expect(merged.shard).toBeUndefined();
    expect(() => mergeSweeps([a, sweep([{ config: 0, problem: 0, correct: false }])])).toThrow(/disagrees on configuration 0, problem 0/);
    expect(() => mergeSweeps([a, { ...b, model: { ...b.model, fingerprint: 'cd'.repeat(32) } }])).toThrow(/different model/);
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
    const a = families(sweep([{ config: 0, problem: 0, correct: true }], { index: 0, count: 2 }));
    const b = families(sweep([{ config: 1, problem: 1, correct: false }], { index: 1, count: 2 }));
    expect(validateSweepFile(JSON.parse(JSON.stringify(a))).problems.map((p) => p.family)).toEqual(['price', 'ages']);
    expect(mergeSweeps([a, b]).problems.map((p) => p.family)).toEqual(['price', 'ages']);
    expect(() => mergeSweeps([a, sweep([])])).toThrow(/different problem set/);
    const odd = (family: unknown) => ({ ...sweep([]), problems: [{ id: 'p0', question: 'Q0', reference: '1', family }] });
    expect(() => validateSweepFile(odd(7))).toThrow(/problems\[0\]\.family must be a short name/);
    expect(() => validateSweepFile(odd('<b>price</b>'))).toThrow(/problems\[0\]\.family/);
    expect(() => validateSweepFile(odd('x'.repeat(33)))).toThrow(/problems\[0\]\.family/);
    expect(validateSweepFile(odd('groups'))).toBeTruthy();
  });
});
