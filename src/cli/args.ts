/** Argument helpers shared by the CLI commands: typed values or a UsageError that says what is wrong. */
import type { HeadRef } from '../engine/sweep/sweepSchema';
import type { DecoderSpec } from '../engine/model/modelConfig';
import { DECODE_MODES, DEFAULT_DECODE, type DecodeMode } from '../engine/verify/greedyDecoding';

/** Bad command-line input: the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {}

/** --decode: how greedy answers under pruning are decoded (engine/verify/greedyDecoding). */
export function decodeArg(raw: string | undefined): DecodeMode {
  if (raw === undefined) return DEFAULT_DECODE;
  if (!(DECODE_MODES as readonly string[]).includes(raw)) throw new UsageError(`--decode must be ${DECODE_MODES.slice(0, -1).join(', ')} or ${DECODE_MODES[DECODE_MODES.length - 1]}, got "${raw}"`);
  return raw as DecodeMode;
}

export function positiveInt(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive integer, got "${raw}"`);
  return n;
}

export function positiveNumber(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number, got "${raw}"`);
  return n;
}

export function required<T>(value: T | undefined, name: string): T {
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

/** `L.H,L.H` (0-based layer and head) into pairs; checked against the model once it is loaded. */
export function parseHeads(raw: string | undefined, name = 'prune'): HeadRef[] {
  if (!raw) return [];
  return raw.split(',').map((part) => {
    const m = part.trim().match(/^(\d+)\.(\d+)$/);
    if (!m) throw new UsageError(`--${name} takes LAYER.HEAD pairs separated by commas (0-based), e.g. 3.5,0.1; got "${part}"`);
    return [Number(m[1]), Number(m[2])] as HeadRef;
  });
}

export function checkHeads(heads: HeadRef[], spec: DecoderSpec, name = 'prune'): void {
  for (const [l, h] of heads) {
    if (l >= spec.numLayers || h >= spec.numHeads) {
      throw new UsageError(`--${name} ${l}.${h} is outside this model's ${spec.numLayers} layers x ${spec.numHeads} heads (0-based)`);
    }
  }
}

/** `i/n` with 0 <= i < n. */
export function parseShard(raw: string | undefined): { index: number; count: number } | undefined {
  if (!raw) return undefined;
  const m = raw.match(/^(\d+)\/(\d+)$/);
  if (!m || Number(m[2]) === 0 || Number(m[1]) >= Number(m[2])) throw new UsageError(`--shard takes i/n with 0 <= i < n, got "${raw}"`);
  return { index: Number(m[1]), count: Number(m[2]) };
}
