/**
 * SHA-256 of bytes as hex: the model fingerprint that sweep files and
 * SPRINT selectors are checked against. Web Crypto exists in browsers,
 * workers and Node alike.
 */
export async function fingerprint(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
