/**
 * Colours of attention maps as RGB triples (written straight into
 * ImageData): weights on the grid's one-hue purple scale, differences on
 * its blue/red diverging scale, both with square-root strength so a weight
 * of 0.05 beside one of 0.9 stays visible.
 */

/** White (0) to purple (1). */
function weightColour(w: number): [number, number, number] {
  const a = Math.sqrt(Math.max(0, Math.min(1, Number.isFinite(w) ? w : 0)));
  return [Math.round(255 + (106 - 255) * a), Math.round(255 + (61 - 255) * a), Math.round(255 + (154 - 255) * a)];
}

/** White at 0; blue where the weight grew (after > before), red where it shrank; full at ±limit. */
function differenceColour(d: number, limit: number): [number, number, number] {
  const t = Math.max(-1, Math.min(1, limit > 0 && Number.isFinite(d) ? d / limit : 0));
  const [r, g, b] = t >= 0 ? [33, 102, 172] : [178, 24, 43];
  const a = Math.sqrt(Math.abs(t));
  return [Math.round(255 + (r - 255) * a), Math.round(255 + (g - 255) * a), Math.round(255 + (b - 255) * a)];
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

/** Packs RGB as one little-endian RGBA pixel, as ImageData's bytes read through a Uint32Array. */
const packed = ([r, g, b]: [number, number, number]) => ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;

/**
 * Writes RGBA pixels for [n, n] values into `px` (ImageData's data), grey
 * above the diagonal (keys after the query). Colours come from a table
 * built per call and are written a pixel (32 bits) at a time: 90 000 cells
 * take about a millisecond.
 */
export function fillPixels(px: Uint8ClampedArray, values: Float32Array, n: number, kind: 'weights' | 'difference', limit: number): void {
  const table = new Uint32Array(STEPS);
  // Weights index w itself in [0, 1]; differences index (d / limit + 1) / 2.
  for (let i = 0; i < STEPS; i++) {
    const x = i / (STEPS - 1);
    table[i] = packed(mapColour(kind === 'weights' ? x : (2 * x - 1) * limit, kind, limit));
  }
  const out = new Uint32Array(px.buffer, px.byteOffset, n * n);
  const scale = kind === 'weights' ? 1 : limit > 0 ? 1 / (2 * limit) : 0;
  const offset = kind === 'weights' ? 0 : 0.5;
  for (let q = 0; q < n; q++) {
    const row = q * n;
    for (let k = 0; k < n; k++) {
      if (k > q) {
        out[row + k] = GREY;
        continue;
      }
      const x = (values[row + k] || 0) * scale + offset;
      out[row + k] = table[Math.min(STEPS - 1, Math.max(0, (x * (STEPS - 1) + 0.5) | 0))];
    }
  }
}
