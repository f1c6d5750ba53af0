/**
 * Buffers for files read with headroom (see ReadOptions): the data at the
 * start of an ArrayBuffer and free bytes after it, so that a transform can
 * rewrite the file where it lies instead of copying it.
 */

/** Bytes of the array's ArrayBuffer after its last element. */
export function roomAfter(bytes: Uint8Array): number {
  return bytes.buffer.byteLength - bytes.byteOffset - bytes.length;
}

/**
 * One array holding `pieces` back to back, in an ArrayBuffer with
 * `headroom` more bytes after them.
 * @param length the pieces' total length
 */
export function joinWithHeadroom(pieces: Uint8Array[], length: number, headroom: number): Uint8Array {
  const out = new Uint8Array(length + headroom);
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out.subarray(0, length);
}
