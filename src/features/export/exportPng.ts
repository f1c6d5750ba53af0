/**
 * PNG export of charts. recharts draws SVG, but its legend and the figure's
 * caption are HTML: an export of the SVG alone had neither. A figure is
 * drawn as its chart, then its legend items and caption, so every exported
 * PNG carries its legend.
 */
import { drawFigure, measureFigure, readFigure, type FigureParts } from './figureParts';
import { wrapText, TITLE_FONT } from './canvasText';

/** Pixels per CSS pixel in the PNG. */
export const PNG_SCALE = 2;
/** The margin around and between figures, in CSS pixels. */
export const PNG_GAP = 16;
/** The height of one line of the title, in CSS pixels. */
export const PNG_TITLE_LINE = 18;

/** Encodes a canvas as PNG and hands it to the user as a download named `name`. */
export async function downloadCanvasPng(canvas: HTMLCanvasElement, name: string): Promise<void> {
  const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!png) throw new Error('the browser could not encode a PNG');
  const a = document.createElement('a');
  a.href = URL.createObjectURL(png);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** A white canvas of `width` x `height` CSS pixels drawn at PNG_SCALE, and its context. */
export function whiteCanvas(width: number, height: number): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * PNG_SCALE);
  canvas.height = Math.ceil(height * PNG_SCALE);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(PNG_SCALE, PNG_SCALE);
  return { canvas, ctx };
}

/**
 * Draws `figures` (each a <figure> holding one recharts chart) side by side
 * in one PNG, each with its legend and caption, under an optional `title`.
 */
export async function downloadFiguresAsPng(figures: HTMLElement[], name: string, title?: string): Promise<void> {
  const parts: FigureParts[] = await Promise.all(figures.map(readFigure));
  const probe = whiteCanvas(1, 1).ctx;
  const sizes = parts.map((p) => measureFigure(probe, p));
  const width = sizes.reduce((w, s) => w + s.width, 0) + PNG_GAP * (parts.length + 1);
  // Measured at the font it is drawn in, or a semi-bold line outgrows the width its regular weight fitted.
  probe.font = TITLE_FONT;
  const titleLines = title ? wrapText(probe, title, width - 2 * PNG_GAP) : [];
  const top = PNG_GAP + titleLines.length * PNG_TITLE_LINE;
  const height = top + Math.max(...sizes.map((s) => s.height)) + PNG_GAP;
  const { canvas, ctx } = whiteCanvas(width, height);
  ctx.font = TITLE_FONT;
  ctx.fillStyle = '#1d2330';
  titleLines.forEach((line, i) => ctx.fillText(line, PNG_GAP, PNG_GAP + 12 + PNG_TITLE_LINE * i));
  let x = PNG_GAP;
  parts.forEach((p, i) => {
    drawFigure(ctx, p, x, top);
    x += sizes[i].width + PNG_GAP;
  });
  await downloadCanvasPng(canvas, name);
}
