/**
 * Colours for the grid's heatmap: a diverging scale, blue where pruning the
 * head helped (positive change) and red where it hurt, grey without data.
 */

/** Colour of `delta` on a symmetric scale reaching full strength at ±`limit`. */
export function heatColour(delta: number, limit: number): string {
  if (!Number.isFinite(delta)) return '#e1e4ea';
  const t = Math.max(-1, Math.min(1, limit > 0 ? delta / limit : 0));
  // White at 0, towards #2166ac (helps) or #b2182b (hurts).
  const [r, g, b] = t >= 0 ? [33, 102, 172] : [178, 24, 43];
  const a = Math.abs(t);
  const mix = (c: number) => Math.round(255 + (c - 255) * a);
  return `rgb(${mix(r)}, ${mix(g)}, ${mix(b)})`;
}

/** The scale's reach: the largest |delta| seen, at least `floor`. */
export function heatLimit(deltas: readonly number[], floor: number): number {
  return deltas.reduce((m, d) => (Number.isFinite(d) ? Math.max(m, Math.abs(d)) : m), floor);
}

/** Colour of a score scaled to 0..1 on a one-hue scale: white (lowest) to purple (highest). */
export function scoreColour(t: number): string {
  const a = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0));
  const mix = (c: number) => Math.round(255 + (c - 255) * a);
  return `rgb(${mix(106)}, ${mix(61)}, ${mix(154)})`;
}
