/**
 * The sweep's per-head metric as grid colours, tooltips and a legend. The
 * colours and tooltips are computed once per sweep summary, not per toggle,
 * and a cell whose colour and tooltip a new summary leaves alone keeps its
 * old object, so while a sweep streams in only the cells it changed
 * re-render.
 */
import { useMemo, useRef } from 'react';
import { useSweepStore } from '../../store/sweepStore';
import type { HeatCell } from './HeadCell';
import { heatColour, heatLimit } from './heatColour';

export interface Heatmap {
  /** Row-major [layers * heads], like the heads store. */
  cells: HeatCell[];
  limit: number;
  unit: 'accuracy' | 'log-prob';
}

export function useHeatmap(): Heatmap | undefined {
  const summary = useSweepStore((s) => s.summary);
  const previous = useRef<HeatCell[]>([]);
  return useMemo(() => {
    if (!summary) return undefined;
    const limit = heatLimit(
      summary.heads.map((h) => h.delta),
      summary.unit === 'accuracy' ? 0.1 : 0.5,
    );
    const unit = summary.unit;
    const cells = summary.heads.map((h, i) => {
      const colour = heatColour(h.delta, limit);
      const title = h.n
        ? `layer ${h.layer} head ${h.head}: change in ${unit} ${h.delta >= 0 ? '+' : ''}${h.delta.toFixed(3)} over ${h.n} problems`
        : `layer ${h.layer} head ${h.head}: not swept yet`;
      const old = previous.current[i];
      return old?.colour === colour && old.title === title ? old : { colour, title };
    });
    previous.current = cells;
    return { cells, limit, unit };
  }, [summary]);
}

export function HeatLegend({ heat }: { heat: Heatmap }) {
  return (
    <p className="legend" data-testid="heat-legend">
      Colour: change in {heat.unit} when the head alone is pruned.{' '}
      <span className="swatch" style={{ background: heatColour(-heat.limit, heat.limit) }} /> −{heat.limit.toFixed(2)} (hurts){' '}
      <span className="swatch" style={{ background: heatColour(0, heat.limit) }} /> 0{' '}
      <span className="swatch" style={{ background: heatColour(heat.limit, heat.limit) }} /> +{heat.limit.toFixed(2)} (helps). Pruned heads are
      outlined.
    </p>
  );
}
