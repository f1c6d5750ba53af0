/**
 * A rewrite of a byte buffer described as pieces: spans kept from the
 * original, in order, and small new byte strings between them. The plan is
 * made while the original is intact (every check, every new byte), and only
 * then written out: into a new buffer, or over the original in place, where
 * each kept span moves with copyWithin in an order that never overwrites a
 * span that has not moved yet. Writing cannot fail, so a caller that plans
 * first never leaves a half-rewritten buffer behind.
 */

/** A span of the original, source[start, end). */
interface Kept {
  start: number;
  end: number;
}

type Piece = Kept | Uint8Array;

export class SplicePlan {
  private readonly pieces: Piece[] = [];
  private size = 0;
  private sourceEnd = 0;

  /** Bytes of output planned so far. */
  get length(): number {
    return this.size;
  }

  /** Keeps source[start, end); spans must come in source order, without overlap. */
  keep(start: number, end: number): void {
    if (start < this.sourceEnd || end < start) {
      throw new RangeError(`SplicePlan.keep(${start}, ${end}) after byte ${this.sourceEnd}: kept spans must come in order`);
    }
    if (end === start) return;
    const last = this.pieces.at(-1);
    // Adjacent spans merge, so untouched runs of fields cost one piece.
    if (last && !(last instanceof Uint8Array) && last.end === start) last.end = end;
    else this.pieces.push({ start, end });
    this.size += end - start;
    this.sourceEnd = end;
  }

  /** Adds new bytes; the plan holds them until it is written. */
  add(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.pieces.push(bytes);
    this.size += bytes.length;
  }

  /** Adds the pieces of `other`, whose kept spans must follow this plan's. */
  append(other: SplicePlan): void {
    for (const p of other.pieces) {
      if (p instanceof Uint8Array) this.add(p);
      else this.keep(p.start, p.end);
    }
  }

  /** Where each piece lands in the output. */
  private offsets(): number[] {
    const at: number[] = [];
    let pos = 0;
    for (const p of this.pieces) {
      at.push(pos);
      pos += p instanceof Uint8Array ? p.length : p.end - p.start;
    }
    return at;
  }

  /**
   * Writes the output into `out`, a buffer that does not overlap `source`.
   * @returns out[0, length)
   */
  writeTo(source: Uint8Array, out: Uint8Array): Uint8Array {
    const at = this.offsets();
    this.pieces.forEach((p, i) => out.set(p instanceof Uint8Array ? p : source.subarray(p.start, p.end), at[i]));
    return out.subarray(0, this.size);
  }

  /**
   * Writes the output over `buffer`, which holds the source from byte 0 and
   * has at least `length` bytes.
   *
   * Spans are in source order and land in the same order, so a span moving
   * left can only cover the source of an earlier span that also moves left,
   * and a span moving right only the source of a later span that also moves
   * right (or of a left mover). Left movers therefore go first, front to
   * back; right movers next, back to front; new bytes last, into the gaps
   * no span lands in. copyWithin handles a span overlapping its own target.
   * @returns buffer[0, length), a view of the same memory
   */
  writeInPlace(buffer: Uint8Array): Uint8Array {
    if (buffer.length < this.size) throw new RangeError(`the output needs ${this.size} bytes; the buffer holds ${buffer.length}`);
    const at = this.offsets();
    const { pieces } = this;
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i];
      if (!(p instanceof Uint8Array) && at[i] < p.start) buffer.copyWithin(at[i], p.start, p.end);
    }
    for (let i = pieces.length - 1; i >= 0; i--) {
      const p = pieces[i];
      if (!(p instanceof Uint8Array) && at[i] > p.start) buffer.copyWithin(at[i], p.start, p.end);
    }
    pieces.forEach((p, i) => {
      if (p instanceof Uint8Array) buffer.set(p, at[i]);
    });
    return buffer.subarray(0, this.size);
  }
}
