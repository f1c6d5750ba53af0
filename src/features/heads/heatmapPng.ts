/**
 * The grid's heatmap drawn on a canvas and saved as PNG: the grid is HTML
 * buttons, so it is drawn again from the same colours, marks and legend.
 */
import { downloadCanvasPng, whiteCanvas } from '../export/exportPng';
import { TEXT_FONT, wrapText } from '../export/canvasText';
import { heatColour, scoreColour } from './heatColour';
import { LEGEND_STEPS, sweepScaleNote } from './HeatLegend';
import { formatChange, unitName } from './changeUnit';
import type { Heatmap } from './Heatmap';
import { OUTCOME_STYLE } from './questionHeat';

const CELL = 32;
const PAD = 16;
const AXIS = 28;
const LINE = 18;

/** Swatches and words of the legend for `heat`. */
function legendOf(heat: Heatmap): { swatches: { colour: string; label: string }[]; text: string } {
  if (heat.metric === 'sprint') {
    return {
      swatches: [
        { colour: scoreColour(0), label: `${heat.min.toFixed(2)} (lowest)` },
        { colour: scoreColour(1), label: `${heat.max.toFixed(2)} (highest)` },
      ],
      text: `Colour: SPRINT's score for pruning the head alone on the question: ${heat.question}. Numbers mark its top picks.`,
    };
  }
  if (heat.metric === 'question') {
    const outcomes = (Object.keys(OUTCOME_STYLE) as (keyof typeof OUTCOME_STYLE)[]).filter((o) => heat.graded || o === 'changes' || o === 'same');
    return {
      swatches: outcomes.map((o) => ({ colour: OUTCOME_STYLE[o].colour, label: `${OUTCOME_STYLE[o].mark ?? ''} ${OUTCOME_STYLE[o].words}`.trim() })),
      text: `Colour: what pruning the head alone did to the answer of: ${heat.question}`,
    };
  }
  return {
    swatches: LEGEND_STEPS.map((step) => ({
      colour: heatColour(step * heat.limit, heat.limit),
      label: step === 0 ? '0' : formatChange(step * heat.limit, heat.unit),
    })),
    text: `Colour: change in ${unitName(heat.unit)}, when the head alone is pruned (blue helps, red hurts). ${sweepScaleNote(heat)}`,
  };
}

/** Saves `heat` over a `numLayers` x `numHeads` grid as a PNG named `name`, under `title`. */
export async function downloadHeatmapPng(heat: Heatmap, numLayers: number, numHeads: number, title: string, name: string): Promise<void> {
  const width = Math.max(2 * PAD + AXIS + numHeads * CELL, 480);
  const probe = whiteCanvas(1, 1).ctx;
  probe.font = TEXT_FONT;
  const legend = legendOf(heat);
  const titleLines = wrapText(probe, title, width - 2 * PAD);
  const textLines = wrapText(probe, legend.text, width - 2 * PAD);
  // A blank line under the title keeps the "head" axis label clear of it.
  const gridTop = PAD + LINE * (titleLines.length + 1) + AXIS;
  const legendTop = gridTop + numLayers * CELL + PAD;
  const height = legendTop + LINE * (1 + textLines.length) + PAD;
  const { canvas, ctx } = whiteCanvas(width, height);
  ctx.font = TEXT_FONT;
  ctx.fillStyle = '#1d2330';
  titleLines.forEach((line, i) => ctx.fillText(line, PAD, PAD + 12 + LINE * i));
  ctx.fillStyle = '#555';
  ctx.textAlign = 'center';
  ctx.fillText('head', PAD + AXIS + (numHeads * CELL) / 2, gridTop - AXIS + 10);
  for (let h = 0; h < numHeads; h++) ctx.fillText(String(h), PAD + AXIS + h * CELL + CELL / 2, gridTop - 6);
  ctx.textAlign = 'right';
  for (let l = 0; l < numLayers; l++) ctx.fillText(String(l), PAD + AXIS - 6, gridTop + l * CELL + CELL / 2 + 4);
  ctx.textAlign = 'center';
  for (let l = 0; l < numLayers; l++) {
    for (let h = 0; h < numHeads; h++) {
      const cell = heat.cells[l * numHeads + h];
      const [x, y] = [PAD + AXIS + h * CELL, gridTop + l * CELL];
      ctx.fillStyle = cell?.colour ?? '#e1e4ea';
      ctx.fillRect(x + 1, y + 1, CELL - 2, CELL - 2);
      if (cell?.mark) {
        ctx.fillStyle = '#1d2330';
        ctx.fillText(cell.mark, x + CELL / 2, y + CELL / 2 + 4);
      }
    }
  }
  ctx.save();
  ctx.translate(PAD + 6, gridTop + (numLayers * CELL) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillStyle = '#555';
  ctx.fillText('layer', 0, 0);
  ctx.restore();
  ctx.textAlign = 'left';
  let x = PAD;
  for (const s of legend.swatches) {
    ctx.fillStyle = s.colour;
    ctx.fillRect(x, legendTop, 14, 12);
    ctx.strokeStyle = '#9aa3b2';
    ctx.strokeRect(x, legendTop, 14, 12);
    ctx.fillStyle = '#1d2330';
    ctx.fillText(s.label, x + 18, legendTop + 11);
    x += 18 + ctx.measureText(s.label).width + 12;
  }
  ctx.fillStyle = '#555';
  textLines.forEach((line, i) => ctx.fillText(line, PAD, legendTop + LINE * (i + 2) - 4));
  await downloadCanvasPng(canvas, name);
}
