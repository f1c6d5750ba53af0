/**
 * What a sweep is, as a short key: its model file, mode, new-token limit,
 * problems, configurations and truncations (everything that changes a
 * cell), hashed. Two sweeps with the same key are the same sweep, whichever
 * tab runs them.
 */
import type { SweepFile } from '../engine/sweep/sweepSchema';
import { modelScopedId } from './identityHash';

/** The key a sweep is saved under: the same for the same sweep, different for any change that changes a cell. */
export function sweepIdentity(file: SweepFile): string {
  const { model, mode, maxNewTokens, problems, configs, truncations, shard } = file;
  return modelScopedId(model.fingerprint, [mode, maxNewTokens, problems.map((p) => [p.id, p.question, p.reference]), configs, truncations ?? null, shard ?? null]);
}
