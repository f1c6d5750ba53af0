/**
 * The short hash that saved records are keyed by (sweeps, selectors,
 * evaluations): not cryptographic, only long enough that two different
 * records of one model do not collide by chance.
 */

/** FNV-1a over the text, twice with different offsets: 16 hex digits. */
export function identityHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 ^ 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** A record's key: the first 16 hex digits of its model's fingerprint, then the hash of what else it is. */
export function modelScopedId(fingerprint: string, what: unknown): string {
  return `${fingerprint.slice(0, 16)}-${identityHash(JSON.stringify(what))}`;
}
