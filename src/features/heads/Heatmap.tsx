/**
 * The grid's colouring by the active metric: the sweep's per-head change
 * (accuracy or log-prob), SPRINT's score for the question last ranked, or
 * what pruning each head alone did to one question (questionHeat),
 * with tooltips and a legend. Colours and tooltips are computed once per
 * sweep summary or ranking, not per toggle, and a cell whose colour and
 * tooltip a new summary leaves alone keeps its old object, so while a sweep
 * streams in only the cells it changed re-render.
 */
import { useMemo, useRef } from 'react';
import { useSweepStore } from '../../store/sweepStore';
import { useSprintStore } from '../../store/sprintStore';
import { useHeadsStore } from '../../store/headsStore';
import type { HeatCell } from './HeadCell';
import { heatColour, heatLimit, scoreColour } from './heatColour';
import { formatChange } from './changeUnit';
import { useEveryHeadStore } from '../../store/everyHeadStore';
import { questionCells, sprintBeside } from './questionHeat';
import { chanceOf } from '../sprint/pickReport';

export type HeatMetric = 'sweep' | 'sprint' | 'question';
export const HEAT_METRICS: readonly HeatMetric[] = ['sweep', 'sprint', 'question'];

/** SPRINT's picks shown by rank on the grid, as many as the ranked list shows. */
export const MARKED_PICKS = 8;

export type Heatmap =
  | { metric: 'sweep'; cells: HeatCell[]; limit: number; /** Heads whose |change| is beyond the limit, drawn at full strength. */ beyond: number; unit: 'accuracy' | 'log-prob' }
  | { metric: 'sprint'; cells: HeatCell[]; min: number; max: number; question: string }
  | { metric: 'question'; cells: HeatCell[]; question: string; graded: boolean; sprintBeside: boolean };

/** Keeps a cell's previous object when nothing it shows changed, so memoised cells skip re-rendering. */
function useStableCells(): (cells: HeatCell[]) => HeatCell[] {
  const previous = useRef<HeatCell[]>([]);
  return (cells) => {
    const kept = cells.map((c, i) => {
      const old = previous.current[i];
      return old?.colour === c.colour && old.title === c.title && old.mark === c.mark ? old : c;
    });
    previous.current = kept;
    return kept;
  };
}

/** The heatmap for `metric`, or undefined when that metric has no data yet. */
export function useHeatmap(metric: HeatMetric): Heatmap | undefined {
  const summary = useSweepStore((s) => s.summary);
  const ranked = useSprintStore((s) => s.ranked);
  const question = useSprintStore((s) => s.rankedFor);
  const selector = useSprintStore((s) => s.selector);
  const numLayers = useHeadsStore((s) => s.numLayers);
  const numHeads = useHeadsStore((s) => s.numHeads);
  const everyHead = useEveryHeadStore((s) => s.report);
  const stable = useStableCells();
  return useMemo(() => {
    if (metric === 'question') {
      if (!everyHead || everyHead.heads.length !== numLayers * numHeads) return undefined;
      const sprint = sprintBeside(ranked, question, everyHead.question, numHeads);
      const cells = questionCells(everyHead, numHeads, sprint, chanceOf(selector));
      return { metric, cells: stable(cells), question: everyHead.question, graded: everyHead.reference.trim() !== '', sprintBeside: sprint.length > 0 };
    }
    if (metric === 'sprint') {
      if (!ranked?.length || ranked.length !== numLayers * numHeads) return undefined;
      const scores = ranked.map((r) => r.score);
      const [min, max] = [Math.min(...scores), Math.max(...scores)];
      const cells: HeatCell[] = [];
      ranked.forEach((r, rank) => {
        cells[r.layer * numHeads + r.head] = {
          colour: scoreColour(max > min ? (r.score - min) / (max - min) : 0),
          title: `layer ${r.layer} head ${r.head}: SPRINT's estimated chance ${chanceOf(selector)(r.score)}, pick ${rank + 1} of ${ranked.length}`,
          mark: rank < MARKED_PICKS ? String(rank + 1) : undefined,
        };
      });
      return { metric, cells: stable(cells), min, max, question: question ?? '' };
    }
    if (!summary) return undefined;
    const unit = summary.unit;
    // At least one problem's worth of accuracy: a finer scale would draw every change at full strength anyway.
    const problems = Math.max(1, ...summary.heads.map((h) => h.n));
    const { limit, beyond } = heatLimit(summary.heads.map((h) => h.delta), unit === 'accuracy' ? 1 / problems : 0.5);
    const cells = summary.heads.map((h) => ({
      colour: heatColour(h.delta, limit),
      title: h.n
        ? `layer ${h.layer} head ${h.head}: change in ${unit} ${formatChange(h.delta, unit)} over ${h.n} problems`
        : `layer ${h.layer} head ${h.head}: not swept yet`,
    }));
    return { metric, cells: stable(cells), limit, beyond, unit };
    // `stable` only carries memory between results; it is not an input.
  }, [metric, summary, ranked, question, selector, everyHead, numLayers, numHeads]);
}
