/** The empty single-head sweep the benchmarks run: baseline + every head of the bundled model's grid over synthetic problems. */
import { problemFromSynthetic } from '../src/engine/problems/problem';
import { syntheticProblems } from '../src/engine/problems/synthetic';
import { singleHeadConfigs, SWEEP_SCHEMA, SWEEP_VERSION, type SweepFile, type SweepMode } from '../src/engine/sweep/sweepSchema';

export function benchSweepFile(opts: { fingerprint: string; mode: SweepMode; seed: number; count: number; numLayers?: number; numHeads?: number }): SweepFile {
  const { numLayers = 6, numHeads = 8 } = opts;
  return {
    schema: SWEEP_SCHEMA,
    version: SWEEP_VERSION,
    mode: opts.mode,
    maxNewTokens: 64,
    model: { name: 'headlab-math-6x8', fingerprint: opts.fingerprint, numLayers, numHeads },
    problems: syntheticProblems({ seed: opts.seed, count: opts.count }).map(problemFromSynthetic),
    configs: singleHeadConfigs(numLayers, numHeads),
    cells: [],
  };
}
