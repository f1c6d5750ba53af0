/**
 * What a truncation is and how it is written: `L.MATRIX:KEEP[:bottom]`,
 * e.g. `3.mlp.down:0.1` (keep the top tenth of the singular components),
 * `0.attn.o:r8` (keep the top 8), `3.mlp.down:0.1:bottom` (keep the bottom
 * tenth instead: the control). The CLI, the sweep file, the URL and the
 * app's exports all use this text form.
 */

export const MATRICES = ['attn.q', 'attn.k', 'attn.v', 'attn.o', 'mlp.gate', 'mlp.up', 'mlp.down'] as const;
export type MatrixKind = (typeof MATRICES)[number];

/** How much of the matrix to keep: a fraction of its full rank, or a rank. */
export type Keep = { fraction: number } | { rank: number };

export interface Truncation {
  layer: number;
  matrix: MatrixKind;
  keep: Keep;
  /** Keep the smallest singular components instead of the largest: a control for "any rank cut". */
  bottom?: boolean;
}

export class TruncationSpecError extends Error {}

/** The rank kept of a matrix whose full rank is `fullRank`: round(fraction × fullRank), at least 1. */
export function rankFor(keep: Keep, fullRank: number): number {
  if ('rank' in keep) {
    if (keep.rank > fullRank) throw new TruncationSpecError(`rank ${keep.rank} is more than the matrix's full rank ${fullRank}`);
    return keep.rank;
  }
  return Math.max(1, Math.min(fullRank, Math.round(keep.fraction * fullRank)));
}

/** Parses one `L.MATRIX:KEEP[:bottom]`. */
export function parseTruncation(text: string): Truncation {
  const m = /^(\d+)\.(attn\.[qkvo]|mlp\.(?:gate|up|down)):(r\d+|\d*\.?\d+(?:e-?\d+)?)(:bottom)?$/.exec(text.trim());
  if (!m) {
    throw new TruncationSpecError(
      `truncation "${text}" is not LAYER.MATRIX:KEEP[:bottom] (MATRIX one of ${MATRICES.join(', ')}; KEEP a fraction in (0, 1] or rN, a rank)`,
    );
  }
  const layer = Number(m[1]);
  const matrix = m[2] as MatrixKind;
  let keep: Keep;
  if (m[3].startsWith('r')) {
    const rank = Number(m[3].slice(1));
    if (rank < 1) throw new TruncationSpecError(`truncation "${text}": rank must be at least 1`);
    keep = { rank };
  } else {
    const fraction = Number(m[3]);
    if (!(fraction > 0 && fraction <= 1)) throw new TruncationSpecError(`truncation "${text}": the kept fraction must be in (0, 1], got ${m[3]}`);
    keep = { fraction };
  }
  return { layer, matrix, keep, ...(m[4] ? { bottom: true } : {}) };
}

/** Parses a comma-separated list; each (layer, matrix) may appear once. */
export function parseTruncations(text: string | undefined): Truncation[] {
  if (!text) return [];
  const list = text.split(',').filter((s) => s.trim() !== '').map(parseTruncation);
  const seen = new Set<string>();
  for (const t of list) {
    const key = `${t.layer}.${t.matrix}`;
    if (seen.has(key)) throw new TruncationSpecError(`${key} is truncated twice`);
    seen.add(key);
  }
  return list;
}

/** The text form parseTruncation reads back. */
export function formatTruncation(t: Truncation): string {
  const keep = 'rank' in t.keep ? `r${t.keep.rank}` : String(t.keep.fraction);
  return `${t.layer}.${t.matrix}:${keep}${t.bottom ? ':bottom' : ''}`;
}

/** Throws unless every layer exists. */
export function checkTruncationLayers(list: readonly Truncation[], numLayers: number): void {
  for (const t of list) {
    if (t.layer >= numLayers) throw new TruncationSpecError(`truncation ${formatTruncation(t)}: the model has layers 0..${numLayers - 1}`);
  }
}
