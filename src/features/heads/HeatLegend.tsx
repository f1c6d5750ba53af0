/** The legend under the grid: what the colours mean for the active metric, in the same unit as the tooltips and the ranked table. */
import { HEAT_QUANTILE, heatColour, scoreColour } from './heatColour';
import { MARKED_PICKS, type Heatmap } from './Heatmap';
import { formatChange, unitName } from './changeUnit';
import { OUTCOME_STYLE } from './questionHeat';

/** Points of the sweep scale shown as swatches, as fractions of its limit. */
export const LEGEND_STEPS = [-1, -0.25, 0, 0.25, 1];

/** The legend's words for a sweep heatmap, also drawn under an exported heatmap PNG. */
export function sweepScaleNote(heat: Extract<Heatmap, { metric: 'sweep' }>): string {
  const limit = formatChange(heat.limit, heat.unit).slice(1);
  const beyond = heat.beyond ? `${heat.beyond} head${heat.beyond > 1 ? 's' : ''} beyond it ${heat.beyond > 1 ? 'are' : 'is'} drawn at full colour` : 'no head is beyond it';
  return (
    `The scale is symmetric around 0 and stops at ±${limit}, the ${100 * HEAT_QUANTILE}th percentile of |change| over the heads swept; ${beyond}. ` +
    'Colour strength grows with the square root of the change, so small changes stay visible.'
  );
}

/** The legend for the grid's active colouring: SPRINT's score range, or the sweep's scale with its unit and where it stops. */
export function HeatLegend({ heat }: { heat: Heatmap }) {
  if (heat.metric === 'sprint') {
    return (
      <p className="legend" data-testid="heat-legend">
        Colour: SPRINT&apos;s score for pruning the head alone on the question ranked last;{' '}
        <span className="swatch" style={{ background: scoreColour(0) }} /> {heat.min.toFixed(2)} (lowest){' '}
        <span className="swatch" style={{ background: scoreColour(1) }} /> {heat.max.toFixed(2)} (highest). Numbers mark its top {MARKED_PICKS} picks. Pruned heads
        are outlined.
      </p>
    );
  }
  if (heat.metric === 'question') {
    return (
      <p className="legend" data-testid="heat-legend">
        Colour: what pruning the head alone did to the question&apos;s answer
        {heat.graded ? '' : ' (no expected answer was given, so only changed or unchanged can be told)'}:{' '}
        {(Object.keys(OUTCOME_STYLE) as (keyof typeof OUTCOME_STYLE)[]).filter((o) => heat.graded || o === 'changes' || o === 'same').map((o) => (
          <span key={o} className="legend-step">
            <span className="swatch" style={{ background: OUTCOME_STYLE[o].colour }} /> {OUTCOME_STYLE[o].mark ? `${OUTCOME_STYLE[o].mark} ` : ''}
            {OUTCOME_STYLE[o].words}{' '}
          </span>
        ))}
        {heat.sprintBeside ? "Tooltips give SPRINT's estimated chance beside each outcome. " : ''}Pruned heads are outlined.
      </p>
    );
  }
  return (
    <p className="legend" data-testid="heat-legend">
      Colour: change in {unitName(heat.unit)}, when the head alone is pruned:{' '}
      {LEGEND_STEPS.map((step) => (
        <span key={step} className="legend-step">
          <span className="swatch" style={{ background: heatColour(step * heat.limit, heat.limit) }} /> {step === 0 ? '0' : formatChange(step * heat.limit, heat.unit)}
          {step === -1 ? ' (hurts)' : step === 1 ? ' (helps)' : ''}{' '}
        </span>
      ))}
      <br />
      {sweepScaleNote(heat)} Pruned heads are outlined.
    </p>
  );
}
