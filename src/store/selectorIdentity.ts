/**
 * What a SPRINT selector is, as a short key: its model file, what it was
 * trained on (the training sweep's identity when it was trained here, the
 * training questions and their outcomes, which carry the problem set and
 * any truncation) and its training settings. Two selectors trained on
 * different problem sets get different keys; training again on the same
 * sweep with the same settings gives the same key, so it replaces the
 * record instead of piling up copies.
 */
import type { SprintSelector } from '../engine/sprint/selectorFormat';
import type { SweepFile } from '../engine/sweep/sweepSchema';
import { modelScopedId } from './identityHash';
import { sweepIdentity } from './sweepIdentity';

/** The sweep a selector was trained on here, as its saved record keeps it (imported selectors have none). */
export interface TrainingSweep {
  /** sweepIdentity of the training sweep. */
  id: string;
  /** How many problems the sweep had (the selector trained on the first 80%). */
  problems: number;
  mode: SweepFile['mode'];
  /** The truncations the sweep's model carried, each once; empty when none. */
  truncations: string[];
}

/** The training sweep's record, for a selector trained on `file`. */
export function trainingSweepOf(file: SweepFile): TrainingSweep {
  return { id: sweepIdentity(file), problems: file.problems.length, mode: file.mode, truncations: [...new Set((file.truncations ?? []).flat())] };
}

/** The key a selector is saved under, from the selector and, when it was trained here, its training sweep. */
export function selectorIdentity(selector: SprintSelector, sweep?: TrainingSweep): string {
  const { model, encoder, labels, trainIds, trainedOn, outcomes, temperature, shape, seed, losses } = selector;
  const settings = [encoder, temperature, shape.dIn, shape.hidden, shape.k, seed, losses.length];
  return modelScopedId(model.fingerprint, [sweep?.id ?? null, sweep?.truncations ?? null, settings, labels, trainIds, trainedOn ?? null, outcomes]);
}
