/**
 * Draws an attention map on a canvas: one pixel per (query, key) written
 * into ImageData, then scaled up with smoothing off, so 300 tokens (90 000
 * cells) cost one putImageData and one drawImage rather than 90 000
 * fillRects; token labels on both axes, thinned when cells are too small
 * to hold them (drawn apart: drawLabels); keys after the query (masked
 * by the model) in grey.
 */
import { fillPixels } from './mapColour';

/** How one map is laid out on its canvas, shared by the drawing and the hit-testing. */
export interface MapLayout {
  /** Tokens (or token groups) on each axis. */
  n: number;
  /** Pixels per cell. */
  cell: number;
  /** Left margin for the query labels, top margin for the key labels. */
  left: number;
  top: number;
}

const LABEL_CHARS = 10;
const FONT_MAX = 12;

/** A label as drawn: whitespace shown, long ones cut. */
export function shownLabel(label: string): string {
  const visible = label.replace(/\n/g, '⏎').replace(/ /g, '·');
  return visible.length > LABEL_CHARS ? `${visible.slice(0, LABEL_CHARS - 1)}…` : visible;
}

/** Margins wide enough for the labels, none when there are no labels. */
export function layoutFor(n: number, cell: number, labels: boolean): MapLayout {
  const margin = labels ? 8 + LABEL_CHARS * 7 : 0;
  return { n, cell, left: margin, top: margin };
}

/** The (query, key) cell under canvas pixel (x, y), or undefined off the map. */
export function cellAt(layout: MapLayout, x: number, y: number): { q: number; k: number } | undefined {
  const q = Math.floor((y - layout.top) / layout.cell);
  const k = Math.floor((x - layout.left) / layout.cell);
  if (q < 0 || k < 0 || q >= layout.n || k >= layout.n) return undefined;
  return { q, k };
}

/** Every how many labels to draw, so drawn labels are at least 10 px apart (text is the slow part of a map). */
function labelStride(cell: number): number {
  return Math.max(1, Math.ceil(10 / cell));
}

export interface DrawOptions {
  /** 'weights': 0..1 on one hue; 'difference': signed, diverging, full colour at ±limit. */
  kind: 'weights' | 'difference';
  limit?: number;
}

/** The canvas sized for `layout` and cleared; null where 2D drawing is unavailable. */
function clearedContext(canvas: HTMLCanvasElement, { n, cell, left, top }: MapLayout): CanvasRenderingContext2D | null {
  const width = left + n * cell;
  const height = top + n * cell;
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext('2d');
  ctx?.clearRect(0, 0, width, height);
  return ctx;
}

/**
 * Draws `values`, [n, n] row-major (row = query), onto `canvas`, resizing it to fit.
 */
export function drawMap(canvas: HTMLCanvasElement, values: Float32Array, layout: MapLayout, options: DrawOptions): void {
  const ctx = clearedContext(canvas, layout);
  if (!ctx) return;
  const { n, cell, left, top } = layout;

  const image = new ImageData(n, n);
  fillPixels(image.data, values, n, options.kind, options.limit ?? 1);
  const pixels = document.createElement('canvas');
  pixels.width = n;
  pixels.height = n;
  pixels.getContext('2d')!.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(pixels, left, top, n * cell, n * cell);
}

/**
 * Outlines the focused query row and key cell on `overlay`, a transparent
 * canvas over the map: moving the focus redraws two rectangles, not the map.
 */
export function drawFocus(overlay: HTMLCanvasElement, layout: MapLayout, focus: { q: number; k: number } | undefined): void {
  const ctx = clearedContext(overlay, layout);
  if (!ctx || !focus) return;
  const { n, cell, left, top } = layout;
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#1d2330';
  ctx.strokeRect(left, top + focus.q * cell, n * cell, cell);
  ctx.strokeStyle = '#e08a00';
  ctx.strokeRect(left + focus.k * cell, top + focus.q * cell, cell, cell);
}

/**
 * Token labels [from, to) in the margins drawMap left, on both axes. Text
 * is the slow part of a map, so callers draw labels apart from the cells,
 * a slice at a time.
 */
export function drawLabels(canvas: HTMLCanvasElement, labels: string[], { cell, left, top }: MapLayout, from: number, to: number): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const stride = labelStride(cell);
  const first = Math.ceil(from / stride) * stride;
  ctx.font = `${Math.min(FONT_MAX, Math.max(7, cell - 1))}px system-ui, sans-serif`;
  ctx.fillStyle = '#1d2330';
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'right';
  for (let i = first; i < to; i += stride) ctx.fillText(shownLabel(labels[i]), left - 4, top + (i + 0.5) * cell);
  ctx.save();
  ctx.translate(left, top - 4);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'left';
  for (let i = first; i < to; i += stride) ctx.fillText(shownLabel(labels[i]), 0, (i + 0.5) * cell);
  ctx.restore();
}
