/**
 * What a sweep is, as a short key: its model file, mode, new-token limit,
 * problems, configurations and truncations (everything that changes a
 * cell), hashed. Two sweeps with the same key are the same sweep, whichever
 * tab runs them.
 */
import type { SweepFile } from '../engine/sweep/sweepSchema';

/** FNV-1a over the text, twice with different offsets: 16 hex digits. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 ^ 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

export function sweepIdentity(file: SweepFile): string {
  const { model, mode, maxNewTokens, problems, configs, truncations, shard } = file;
  return `${model.fingerprint.slice(0, 16)}-${hash(JSON.stringify([mode, maxNewTokens, problems.map((p) => [p.id, p.question, p.reference]), configs, truncations ?? null, shard ?? null]))}`;
}
