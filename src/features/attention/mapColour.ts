/**
 * Colours of attention maps as RGB triples (written straight into
 * ImageData): weights on the grid's one-hue purple scale, differences on
 * its blue/red diverging scale, both with square-root strength so a weight
 * of 0.05 beside one of 0.9 stays visible.
 */

const PURPLE = [106, 61, 154] as const;
const BLUE = [33, 102, 172] as const;
const RED = [178, 24, 43] as const;
type Rgb = readonly [number, number, number];

/** Channel `i` of white blended towards `to` by `a` in [0, 1]. */
const shade = (to: Rgb, a: number, i: number) => Math.round(255 + (to[i] - 255) * a);

/** White (0) to purple (1). */
function weightColour(w: number): [number, number, number] {
  const a = Math.sqrt(Math.max(0, Math.min(1, Number.isFinite(w) ? w : 0)));
  return [shade(PURPLE, a, 0), shade(PURPLE, a, 1), shade(PURPLE, a, 2)];
}

/** White at 0; blue where the weight grew (after > before), red where it shrank; full at ±limit. */
function differenceColour(d: number, limit: number): [number, number, number] {
  const t = Math.max(-1, Math.min(1, limit > 0 && Number.isFinite(d) ? d / limit : 0));
  const to = t >= 0 ? BLUE : RED;
  const a = Math.sqrt(Math.abs(t));
  return [shade(to, a, 0), shade(to, a, 1), shade(to, a, 2)];
}

export function mapColour(value: number, kind: 'weights' | 'difference', limit: number): [number, number, number] {
  return kind === 'weights' ? weightColour(value) : differenceColour(value, limit);
}

/** The same colour as a CSS string, for legends. */
export function cssColour(value: number, kind: 'weights' | 'difference', limit = 1): string {
  const [r, g, b] = mapColour(value, kind, limit);
  return `rgb(${r}, ${g}, ${b})`;
}

/** Table size: steps of 1/4096, far finer than the eye; odd, so a difference of exactly 0 has its own (white) entry. */
const STEPS = 4097;
const GREY = (255 << 24) | (234 << 16) | (228 << 8) | 225;

/** White blended towards `to` by `a`, as one little-endian RGBA pixel (ImageData's bytes read through a Uint32Array). */
const packed = (to: Rgb, a: number) => ((255 << 24) | (shade(to, a, 2) << 16) | (shade(to, a, 1) << 8) | shade(to, a, 0)) >>> 0;

const tables: Partial<Record<'weights' | 'difference', Uint32Array>> = {};

/**
 * Colours for STEPS evenly spaced x in [0, 1], built once per kind: weights
 * index the weight itself, differences (d / limit + 1) / 2, so one table
 * serves every limit.
 */
function colourTable(kind: 'weights' | 'difference'): Uint32Array {
  const cached = tables[kind];
  if (cached) return cached;
  const table = new Uint32Array(STEPS);
  for (let i = 0; i < STEPS; i++) {
    const x = i / (STEPS - 1);
    const t = 2 * x - 1;
    // Written out rather than through mapColour: no arrays made per entry.
    table[i] = kind === 'weights' ? packed(PURPLE, Math.sqrt(x)) : packed(t >= 0 ? BLUE : RED, Math.sqrt(Math.abs(t)));
  }
  return (tables[kind] = table);
}

/** What else fillPixels may be told: a map to subtract, and a band of rows to fill. */
export interface FillOptions {
  /** Fill for values − minus: a difference map drawn from its two maps, with no third array built. */
  minus?: Float32Array;
  /** Rows [from, to) to fill; all by default, so a caller can split a large map across tasks. */
  from?: number;
  to?: number;
}

/**
 * Writes RGBA pixels for [n, n] values into `px` (ImageData's data), grey
 * above the diagonal (keys after the query). Colours come from a cached
 * table and are written a pixel (32 bits) at a time.
 */
export function fillPixels(px: Uint8ClampedArray, values: Float32Array, n: number, kind: 'weights' | 'difference', limit: number, { minus, from = 0, to = n }: FillOptions = {}): void {
  const table = colourTable(kind);
  const out = new Uint32Array(px.buffer, px.byteOffset, n * n);
  const scale = kind === 'weights' ? 1 : limit > 0 ? 1 / (2 * limit) : 0;
  const offset = kind === 'weights' ? 0 : 0.5;
  for (let q = from; q < to; q++) {
    const row = q * n;
    for (let i = row; i <= row + q; i++) {
      const x = ((minus ? values[i] - minus[i] : values[i]) || 0) * scale + offset;
      out[i] = table[Math.min(STEPS - 1, Math.max(0, (x * (STEPS - 1) + 0.5) | 0))];
    }
    out.fill(GREY, row + q + 1, row + n);
  }
}
