/** `--truncate` for the CLI: parsing with usage errors, and the load option that applies it. */
import { UsageError } from './args';
import type { LoadOptions } from '../engine/model/loadModel';
import { truncateWeights } from '../engine/truncate/truncateWeights';
import { formatTruncation, MATRICES, parseTruncations, TruncationSpecError, type MatrixKind, type Truncation } from '../engine/truncate/truncationSpec';

/** Parses `--truncate`; a malformed list is a usage error (exit 2). */
export function truncationsArg(text: string | undefined, flag = 'truncate'): Truncation[] {
  try {
    return parseTruncations(text);
  } catch (err) {
    if (err instanceof TruncationSpecError) throw new UsageError(`--${flag}: ${err.message}`);
    throw err;
  }
}

/** The editWeights load option that truncates, or nothing for an empty list. */
export function truncationLoadOptions(list: readonly Truncation[]): Pick<LoadOptions, 'editWeights'> {
  if (list.length === 0) return {};
  return {
    editWeights: async (onnx, external, spec) => {
      try {
        await truncateWeights(onnx, external, spec.numLayers, list);
      } catch (err) {
        // The truncation asked for does not fit this model: say so of --truncate, not of the model file.
        if (err instanceof TruncationSpecError) {
          const named = err.message.startsWith('truncation ') ? '' : ` ${list.map(formatTruncation).join(',')}`;
          throw new TruncationSpecError(`--truncate${named}: ${err.message}`);
        }
        throw err;
      }
    },
  };
}

/** `--truncate-sweep 0.5,0.1`: the kept fractions, each in (0, 1]; undefined when absent. */
export function sweepFractions(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  const fractions = text.split(',').map(Number);
  if (fractions.length === 0 || fractions.some((f) => !(f > 0 && f <= 1))) {
    throw new UsageError(`--truncate-sweep takes kept fractions in (0, 1], comma-separated, e.g. 0.5,0.2,0.1; got "${text}"`);
  }
  return fractions;
}

/** `--matrices attn.o,mlp.down`: which matrices a truncation sweep covers (all seven by default). */
export function matricesArg(text: string | undefined): MatrixKind[] {
  if (text === undefined) return [...MATRICES];
  const list = text.split(',');
  const bad = list.filter((m) => !(MATRICES as readonly string[]).includes(m));
  if (bad.length || list.length === 0) throw new UsageError(`--matrices: ${bad.join(', ')} not among ${MATRICES.join(', ')}`);
  return list as MatrixKind[];
}
