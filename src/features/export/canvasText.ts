/** Text on a canvas, for the titles, legends and captions drawn into exported PNGs. */

/** The font of legends and captions in exported PNGs (the page's system font at caption size). */
export const TEXT_FONT = '13px system-ui, sans-serif';

/** The font of an exported PNG's title: the text font, semi-bold. */
export const TITLE_FONT = `600 ${TEXT_FONT}`;

/** What wrapping needs of a canvas context: measuring at its current font. */
type Measure = Pick<CanvasRenderingContext2D, 'measureText'>;

/** A word wider than a line (a long model id or URL) cut into pieces that each fit. */
function breakWord(ctx: Measure, word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece && ctx.measureText(piece + ch).width > width) {
      pieces.push(piece);
      piece = ch;
    } else {
      piece += ch;
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * `text` broken into lines no wider than `width` at the context's current
 * font, between words where it can be and inside a word too wide for a line.
 * Measure and draw at the same font: a line measured at one weight and drawn
 * at a bolder one runs past `width`.
 */
export function wrapText(ctx: Measure, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const pieces = ctx.measureText(word).width > width ? breakWord(ctx, word, width) : [word];
    pieces.forEach((piece, i) => {
      const next = line ? `${line} ${piece}` : piece;
      // A piece of a broken word starts its own line, except the first, which may follow on.
      if (line && (i > 0 || ctx.measureText(next).width > width)) {
        lines.push(line);
        line = piece;
      } else {
        line = next;
      }
    });
  }
  if (line) lines.push(line);
  return lines;
}
