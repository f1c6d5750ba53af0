/**
 * PNG export of charts. recharts draws SVG, but its legend and the figure's
 * caption are HTML: an export of the SVG alone had neither. A figure is
 * drawn as its chart, then its legend items and caption, so every exported
 * PNG carries its legend.
 */
import { drawFigure, measureFigure, readFigure, type FigureParts } from './figureParts';
import { wrapText, TEXT_FONT } from './canvasText';

/** Pixels per CSS pixel in the PNG. */
const SCALE = 2;
const GAP = 16;

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

/** A white canvas of `width` x `height` CSS pixels drawn at SCALE, and its context. */
export function whiteCanvas(width: number, height: number): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * SCALE);
  canvas.height = Math.ceil(height * SCALE);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(SCALE, SCALE);
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
  const width = sizes.reduce((w, s) => w + s.width, 0) + GAP * (parts.length + 1);
  probe.font = TEXT_FONT;
  const titleLines = title ? wrapText(probe, title, width - 2 * GAP) : [];
  const top = GAP + titleLines.length * 18;
  const height = top + Math.max(...sizes.map((s) => s.height)) + GAP;
  const { canvas, ctx } = whiteCanvas(width, height);
  ctx.font = `600 ${TEXT_FONT}`;
  ctx.fillStyle = '#1d2330';
  titleLines.forEach((line, i) => ctx.fillText(line, GAP, GAP + 12 + 18 * i));
  let x = GAP;
  parts.forEach((p, i) => {
    drawFigure(ctx, p, x, top);
    x += sizes[i].width + GAP;
  });
  await downloadCanvasPng(canvas, name);
}
