/**
 * Sweeps over truncations: configurations whose models differ in their
 * weights, not only in the head mask. Each distinct truncation list gets
 * its own model (loaded by the caller: a file read in Node, a cached
 * buffer in the worker), runs its configurations with runSweep, and is
 * released before the next, so one session is open at a time.
 */
import type { LoadedModel } from '../model/loadModel';
import { runSweep, type SweepRunOptions } from '../sweep/runSweep';
import { pendingCells, type HeadRef, type SweepCell, type SweepFile } from '../sweep/sweepSchema';
import { MATRICES, parseTruncations, formatTruncation, type MatrixKind, type Truncation } from './truncationSpec';

/**
 * The baseline, then every layer × matrix × fraction alone (no heads
 * pruned), layer-major: 1 + layers × matrices × fractions configurations.
 */
export function truncationSweepConfigs(
  numLayers: number, fractions: readonly number[], matrices: readonly MatrixKind[] = MATRICES,
): { configs: HeadRef[][]; truncations: string[][] } {
  const truncations: string[][] = [[]];
  for (let layer = 0; layer < numLayers; layer++) {
    for (const matrix of matrices) for (const fraction of fractions) truncations.push([formatTruncation({ layer, matrix, keep: { fraction } })]);
  }
  return { configs: truncations.map(() => []), truncations };
}

export interface TruncatedSweepOptions extends SweepRunOptions {
  /** Loads the model with these truncations (and the head_mask input). */
  load(truncations: Truncation[]): Promise<LoadedModel>;
  /** Told before each model is loaded. */
  onModel?(truncations: string[], index: number, count: number): void;
}

/** Runs the pending cells of a sweep that may list truncations, one model per distinct truncation list. */
export async function runTruncatedSweep(file: SweepFile, options: TruncatedSweepOptions): Promise<SweepFile> {
  const truncations = file.truncations ?? file.configs.map(() => []);
  const pending = new Set(pendingCells(file).map((c) => c.config));
  const groups = new Map<string, number[]>();
  file.configs.forEach((_, i) => {
    if (!pending.has(i)) return;
    const key = truncations[i].join(',');
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const total = pendingCells(file).length;
  let done = 0;
  const cells: SweepCell[] = [...file.cells];
  let index = 0;
  for (const [key, members] of groups) {
    options.onModel?.(truncations[members[0]], index++, groups.size);
    const model = await options.load(parseTruncations(key));
    const local = new Map(members.map((config, i) => [config, i]));
    // The group's configurations as a sweep of their own; the shard is already applied by pendingCells above.
    const sub: SweepFile = {
      ...file, configs: members.map((i) => file.configs[i]), truncations: undefined, shard: undefined,
      cells: file.cells.filter((c) => local.has(c.config)).map((c) => ({ ...c, config: local.get(c.config)! })),
    };
    try {
      await runSweep(model, sub, {
        ...options,
        onCells: (fresh) => {
          const mapped = fresh.map((c) => ({ ...c, config: members[c.config] }));
          cells.push(...mapped);
          done += mapped.length;
          options.onCells?.(mapped, done, total);
        },
      });
    } finally {
      await model.decoder.session.release();
    }
  }
  return { ...file, cells };
}
