/**
 * A chart's figure read for export: the chart's SVG as an image, its legend
 * items (a recharts <Legend>, or elements marked data-legend-colour) and its
 * caption; then measured and drawn on a canvas.
 */
import { TEXT_FONT, wrapText } from './canvasText';

export interface LegendItem {
  colour: string;
  label: string;
}

export interface FigureParts {
  image: HTMLImageElement;
  width: number;
  height: number;
  legend: LegendItem[];
  caption: string;
}

const LINE = 18;

/** The figure's chart as an image, at the size it is drawn on the page. */
async function chartImage(svg: SVGSVGElement): Promise<{ image: HTMLImageElement; width: number; height: number }> {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  // Standalone, the SVG would lose the page's font and fall back to a serif one.
  clone.style.fontFamily = getComputedStyle(svg).fontFamily;
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(clone)], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn'));
      image.src = url;
    });
    return { image, width, height };
  } finally {
    URL.revokeObjectURL(url);
  }
}

function legendItems(figure: HTMLElement): LegendItem[] {
  const marked = [...figure.querySelectorAll<HTMLElement>('[data-legend-colour]')].map((el) => ({
    colour: el.dataset.legendColour!,
    label: el.textContent?.trim() ?? '',
  }));
  const fromRecharts = [...figure.querySelectorAll<HTMLElement>('.recharts-legend-item')].map((el) => {
    const shape = el.querySelector('svg path, svg line, svg rect');
    const stroke = shape?.getAttribute('stroke');
    return { colour: stroke && stroke !== 'none' ? stroke : (shape?.getAttribute('fill') ?? '#1d2330'), label: el.textContent?.trim() ?? '' };
  });
  return [...marked, ...fromRecharts];
}

/** Reads a <figure> holding one chart. */
export async function readFigure(figure: HTMLElement): Promise<FigureParts> {
  const svg = figure.querySelector<SVGSVGElement>('.recharts-wrapper > svg.recharts-surface') ?? figure.querySelector<SVGSVGElement>('svg');
  if (!svg) throw new Error('the figure holds no chart');
  const caption = figure.querySelector('figcaption')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return { ...(await chartImage(svg)), legend: legendItems(figure), caption };
}

function textLines(ctx: CanvasRenderingContext2D, parts: FigureParts): { legend: string[][]; caption: string[] } {
  ctx.font = TEXT_FONT;
  return {
    legend: parts.legend.map((item) => wrapText(ctx, item.label, parts.width - 20)),
    caption: wrapText(ctx, parts.caption, parts.width),
  };
}

/** The size a figure takes when drawn: its chart, then one or more lines per legend item, then the caption. */
export function measureFigure(ctx: CanvasRenderingContext2D, parts: FigureParts): { width: number; height: number } {
  const lines = textLines(ctx, parts);
  const count = lines.legend.reduce((n, l) => n + l.length, 0) + lines.caption.length;
  return { width: parts.width, height: parts.height + (count ? 8 + LINE * count : 0) };
}

/** Draws a figure with its top left at (x, y). */
export function drawFigure(ctx: CanvasRenderingContext2D, parts: FigureParts, x: number, y: number): void {
  ctx.drawImage(parts.image, x, y, parts.width, parts.height);
  const lines = textLines(ctx, parts);
  let baseline = y + parts.height + 8 + 13;
  ctx.font = TEXT_FONT;
  parts.legend.forEach((item, i) => {
    ctx.fillStyle = item.colour;
    ctx.fillRect(x, baseline - 10, 14, 10);
    ctx.fillStyle = '#1d2330';
    for (const line of lines.legend[i]) {
      ctx.fillText(line, x + 20, baseline);
      baseline += LINE;
    }
  });
  ctx.fillStyle = '#555';
  for (const line of lines.caption) {
    ctx.fillText(line, x, baseline);
    baseline += LINE;
  }
}
