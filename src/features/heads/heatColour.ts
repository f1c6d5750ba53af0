/**
 * Colours for the grid's heatmap: a diverging scale, blue where pruning the
 * head helped (positive change) and red where it hurt, grey without data.
 */

/** The quantile of |change| the sweep scale stops at, so a few extreme heads (a whole layer, in log-prob sweeps) do not wash out the rest. */
export const HEAT_QUANTILE = 0.75;

/**
 * Colour of `delta` on a symmetric scale reaching full strength at ±`limit`.
 * Strength follows the square root of |delta| / limit: on a linear scale a
 * change a seventh of the limit was all but white.
 */
export function heatColour(delta: number, limit: number): string {
  if (!Number.isFinite(delta)) return '#e1e4ea';
  const t = Math.max(-1, Math.min(1, limit > 0 ? delta / limit : 0));
  // White at 0, towards #2166ac (helps) or #b2182b (hurts).
  const [r, g, b] = t >= 0 ? [33, 102, 172] : [178, 24, 43];
  const a = Math.sqrt(Math.abs(t));
  const mix = (c: number) => Math.round(255 + (c - 255) * a);
  return `rgb(${mix(r)}, ${mix(g)}, ${mix(b)})`;
}

/**
 * The scale's reach: the `HEAT_QUANTILE` quantile of |delta| over the finite
 * deltas (interpolated), at least `floor`; and how many deltas lie beyond it.
 */
export function heatLimit(deltas: readonly number[], floor: number): { limit: number; beyond: number } {
  const sizes = deltas.filter(Number.isFinite).map(Math.abs).sort((a, b) => a - b);
  if (sizes.length === 0) return { limit: floor, beyond: 0 };
  const at = HEAT_QUANTILE * (sizes.length - 1);
  const low = sizes[Math.floor(at)];
  const high = sizes[Math.ceil(at)];
  const limit = Math.max(floor, low + (high - low) * (at - Math.floor(at)));
  return { limit, beyond: sizes.filter((s) => s > limit).length };
}

/** Colour of a score scaled to 0..1 on a one-hue scale: white (lowest) to purple (highest). */
export function scoreColour(t: number): string {
  const a = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0));
  const mix = (c: number) => Math.round(255 + (c - 255) * a);
  return `rgb(${mix(106)}, ${mix(61)}, ${mix(154)})`;
}
