/**
 * Draws an attention map: one canvas pixel per (query, key), written into
 * ImageData with one putImageData and scaled up by CSS (pixelated), so
 * 300 tokens cost a 300×300 canvas whatever the cell size, and zooming
 * reallocates nothing; keys after the query (masked by the model) in grey.
 * Token labels go on two narrow canvases beside and above it, thinned when
 * cells are too small to hold them. Both are drawn in short tasks
 * (timeSliced), so maps side by side never add up to a long task.
 */
import { fillPixels } from './mapColour';
import { timeSliced } from './timeSliced';

/** How one map is laid out in CSS pixels, shared by the drawing, the focus outline and the hit-testing. */
export interface MapLayout {
  /** Tokens (or token groups) on each axis. */
  n: number;
  /** CSS pixels per cell. */
  cell: number;
  /** Width of the query labels' strip, and height of the key labels' strip. */
  margin: number;
}

const LABEL_CHARS = 10;
/**
 * One label size at every zoom: each new font size costs a synchronous
 * round trip to the browser process for its font settings (tens to
 * hundreds of milliseconds on a loaded machine), and 12 px text is already
 * on the page (the grid's axes).
 */
const FONT_PX = 12;
const LABEL_FONT = `${FONT_PX}px system-ui, sans-serif`;

/** A label as drawn: whitespace shown, long ones cut. */
export function shownLabel(label: string): string {
  const visible = label.replace(/\n/g, '⏎').replace(/ /g, '·');
  return visible.length > LABEL_CHARS ? `${visible.slice(0, LABEL_CHARS - 1)}…` : visible;
}

/** The layout of an n-token map at `cell` CSS pixels a cell, with strips wide enough for the labels. */
export function layoutFor(n: number, cell: number): MapLayout {
  return { n, cell, margin: 8 + LABEL_CHARS * 7 };
}

/** The (query, key) cell under (x, y), CSS pixels from the map's top-left corner; undefined off the map. */
export function cellAt(layout: MapLayout, x: number, y: number): { q: number; k: number } | undefined {
  const q = Math.floor(y / layout.cell);
  const k = Math.floor(x / layout.cell);
  if (q < 0 || k < 0 || q >= layout.n || k >= layout.n) return undefined;
  return { q, k };
}

/** Every how many labels to draw, so drawn labels are at least a line of text apart (text is the slow part of a map). */
export function labelStride(cell: number): number {
  return Math.max(1, Math.ceil(FONT_PX / cell));
}

export interface DrawOptions {
  /** 'weights': 0..1 on one hue; 'difference': signed, diverging, full colour at ±limit. */
  kind: 'weights' | 'difference';
  limit?: number;
  /** Draws values − minus: a difference map from its two maps, with no third array built. */
  minus?: Float32Array;
}

/** Rows of cells one step of drawMap fills: a few thousand cells, well under a millisecond. */
const ROWS_PER_STEP = 8;

/**
 * Draws `values`, [n, n] row-major (row = query), onto `canvas` at one
 * pixel per cell (the caller's CSS sets the size it shows at). The pixels
 * are filled in short tasks (timeSliced) and put on the canvas at once.
 * @returns a function that stops a drawing not yet finished
 */
export function drawMap(canvas: HTMLCanvasElement, values: Float32Array, n: number, options: DrawOptions): () => void {
  if (canvas.width !== n) canvas.width = n;
  if (canvas.height !== n) canvas.height = n;
  const ctx = canvas.getContext('2d');
  if (!ctx || n === 0) return () => {};
  const image = new ImageData(n, n);
  const { kind, limit = 1, minus } = options;
  return timeSliced(
    Math.ceil(n / ROWS_PER_STEP),
    (s) => fillPixels(image.data, values, n, kind, limit, { minus, from: s * ROWS_PER_STEP, to: Math.min(n, (s + 1) * ROWS_PER_STEP) }),
    () => ctx.putImageData(image, 0, 0),
  );
}

/** How far the label strips run past each end of the map, so the first and last labels are not cut in half. */
export const LABEL_OVERHANG = FONT_PX / 2;

/**
 * CSS size [width, height] of the query labels' strip (left of the map)
 * and the key labels' strip (above it): as long as the map plus
 * LABEL_OVERHANG at each end.
 */
export function labelStrips({ n, cell, margin }: MapLayout): { rows: [number, number]; cols: [number, number] } {
  const length = n * cell + 2 * LABEL_OVERHANG;
  return { rows: [margin, length], cols: [length, margin] };
}

/**
 * Token labels on the strips beside (`rows`: query labels, right-aligned)
 * and above (`cols`: key labels, rotated) the map: the strips are sized
 * for `layout` at the screen's pixel density and cleared at once, and the
 * labels, every labelStride-th, drawn in short tasks (text is the slow part).
 * @returns a function that stops a drawing not yet finished
 */
export function drawLabels(rows: HTMLCanvasElement, cols: HTMLCanvasElement, labels: string[], layout: MapLayout): () => void {
  const { n, cell, margin } = layout;
  const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
  const strips = labelStrips(layout);
  const pairs = [[rows, strips.rows], [cols, strips.cols]] as const;
  for (const [canvas, [w, h]] of pairs) {
    // Setting the size clears the canvas (and its context's state), even when unchanged.
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
  }
  let r: CanvasRenderingContext2D | null = null;
  let c: CanvasRenderingContext2D | null = null;
  // In the first task, not now: setting a canvas's font makes the page recompute its styles at once.
  const prepare = () => {
    [r, c] = [textContext(rows, dpr, 'right'), textContext(cols, dpr, 'left')];
    // A quarter turn: key labels run upwards from just above the map.
    c?.translate(0, margin - 4);
    c?.rotate(-Math.PI / 2);
  };
  const stride = labelStride(cell);
  const draw = (i: number) => {
    const text = shownLabel(labels[i]);
    const at = LABEL_OVERHANG + (i + 0.5) * cell;
    r?.fillText(text, margin - 4, at);
    c?.fillText(text, 0, at);
  };
  return timeSliced(1 + Math.ceil(n / stride), (j) => (j === 0 ? prepare() : draw((j - 1) * stride)));
}

/** `canvas`'s 2D context scaled to CSS pixels, with the labels' font, colour and alignment; null where 2D drawing is unavailable. */
function textContext(canvas: HTMLCanvasElement, dpr: number, align: CanvasTextAlign): CanvasRenderingContext2D | null {
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.font = LABEL_FONT;
  ctx.fillStyle = '#1d2330';
  ctx.textBaseline = 'middle';
  ctx.textAlign = align;
  return ctx;
}
