/** `--problems` generator specs, parsed without a model: mix beside synthetic, and synthetic as it always was. */
import { describe, expect, it } from 'vitest';
import { loadProblemsArg } from './problemArgs';
import { UsageError } from './args';
import { problemFromMix, problemFromSynthetic } from '../engine/problems/problem';
import { syntheticProblems } from '../engine/problems/synthetic';
import { FAMILIES, mixProblems } from '../engine/problems/mix/mixProblems';

const load = (spec: string) => loadProblemsArg(spec, () => {});

describe('--problems generators', () => {
  it('mix:COUNT:SEED[:LEVEL] gives the mix generator\'s problems with their families, and never the shortcut', async () => {
    const problems = await load('mix:12:5');
    expect(problems).toEqual(mixProblems({ seed: 5, count: 12 }).map(problemFromMix));
    expect(problems[0].id).toBe('mix-5-0');
    for (const p of problems) {
      expect(p.source).toBe('mix');
      expect(FAMILIES).toContain(p.family);
      expect(p).not.toHaveProperty('shortcut');
      expect(p).not.toHaveProperty('distracted');
    }
    const leveled = await load('mix:6:5:3');
    expect(leveled.map((p) => p.level)).toEqual([3, 3, 3, 3, 3, 3]);
  });

  it('synthetic:COUNT:SEED[:LEVEL] gives exactly what it gave before, with no family', async () => {
    const problems = await load('synthetic:4:7');
    expect(problems).toEqual(syntheticProblems({ seed: 7, count: 4 }).map(problemFromSynthetic));
    // Pinned in cli.test.ts's eval run too: the first held-out problem and its answer.
    expect(problems[0]).toMatchObject({ id: 'syn-7-0', reference: '45', source: 'synthetic' });
    expect(problems.some((p) => 'family' in p)).toBe(false);
    expect((await load('synthetic:3:7:4')).map((p) => p.level)).toEqual([4, 4, 4]);
  });

  it('refuses bad specs with a message naming the form and the levels', async () => {
    const cases: [string, string][] = [
      ['mix:5', '--problems mix:COUNT:SEED[:LEVEL] with LEVEL 1 to 3, got "mix:5"'],
      ['mix:5:7:4', '--problems mix:COUNT:SEED[:LEVEL] with LEVEL 1 to 3, got "mix:5:7:4"'],
      ['mix:five:7', 'with LEVEL 1 to 3, got "mix:five:7"'],
      ['synthetic:5', '--problems synthetic:COUNT:SEED[:LEVEL] with LEVEL 1 to 4, got "synthetic:5"'],
      ['synthetic:5:7:5', 'with LEVEL 1 to 4'],
      ['synthetic:5:7:0', 'with LEVEL 1 to 4'],
      ['synthetic:0:7', '--problems synthetic:COUNT:SEED: COUNT must be from 1 to 2000, got 0'],
      ['synthetic:100000000:7', 'COUNT must be from 1 to 2000, got 100000000'],
      ['mix:2001:7', '--problems mix:COUNT:SEED: COUNT must be from 1 to 2000'],
      ['hub:gsm8k:0', '--problems hub:gsm8k:COUNT: COUNT must be from 1 to 2000, got 0'],
    ];
    for (const [spec, message] of cases) {
      const err = await load(spec).catch((e: unknown) => e);
      expect(err, spec).toBeInstanceOf(UsageError);
      expect((err as Error).message, spec).toContain(message);
    }
  });

  it('reads a file named mix.jsonl as a file, not as a generator', async () => {
    await expect(load('mix.jsonl')).rejects.toThrow('--problems mix.jsonl: no such file');
  });
});
