/** Text on a canvas, for the legends and captions drawn into exported PNGs. */

/** The font of legends and captions in exported PNGs (the page's system font at caption size). */
export const TEXT_FONT = '13px system-ui, sans-serif';

/** `text` broken into lines no wider than `width` at the context's current font. */
export function wrapText(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else {
      line = next;
    }
  }
  if (line) lines.push(line);
  return lines;
}
