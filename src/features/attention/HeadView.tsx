/**
 * The selected head's map over the question and answer tokens; with heads
 * pruned on the grid, the same map after pruning and the difference beside
 * it; and a reading of the focused cell: where the focused token looks most,
 * and the weight at the focused key, all as text.
 */
import { useEffect, useMemo, useState } from 'react';
import type { AttentionView } from '../../engine/attention/attentionView';
import { headWeightsOf } from './viewData';
import { groupTokens } from './aggregate';
import { PatternMap, type Focus } from './PatternMap';
import { shownLabel } from './patternCanvas';
import { timeSliced } from './timeSliced';

interface Props {
  view: AttentionView;
  head: number;
  cell: number;
  group: number;
}

const fmt = (w: number) => w.toFixed(4);

/** The three keys the focused row weighs most, strongest first. */
function topKeys(row: Float32Array, labels: string[]): string {
  return Array.from(row.keys())
    .sort((a, b) => row[b] - row[a])
    .slice(0, 3)
    .map((k) => `“${shownLabel(labels[k])}” ${fmt(row[k])}`)
    .join(', ');
}

/** Elements of a map largestDifference reads in one step: well under a millisecond. */
const CELLS_PER_STEP = 4096;

/** The largest |after − before| over elements [from, to). */
function largestDifference(before: Float32Array, after: Float32Array, from: number, to: number): number {
  let limit = 0;
  for (let i = from; i < to; i++) limit = Math.max(limit, Math.abs(after[i] - before[i]));
  return limit;
}

/**
 * The difference map's full-colour limit, the largest |after − before| (at
 * least 1e-6): read in short tasks after the maps appear, not in the render
 * that shows them (90 000 cells at 300 tokens); undefined until then, and
 * without `after`.
 */
function useDifferenceLimit(before: Float32Array, after: Float32Array | undefined): number | undefined {
  const [found, setFound] = useState<{ before: Float32Array; after: Float32Array; limit: number }>();
  useEffect(() => {
    if (!after) return;
    let limit = 1e-6;
    return timeSliced(
      Math.ceil(before.length / CELLS_PER_STEP),
      (s) => (limit = Math.max(limit, largestDifference(before, after, s * CELLS_PER_STEP, Math.min(before.length, (s + 1) * CELLS_PER_STEP)))),
      () => setFound({ before, after, limit }),
    );
  }, [before, after]);
  return found && found.before === before && found.after === after ? found.limit : undefined;
}

export function HeadView({ view, head, cell, group }: Props) {
  const [focus, setFocus] = useState<Focus>();
  const n = view.tokens.length;
  const { before, after, labels, m } = useMemo(() => {
    const g = (w: Float32Array) => groupTokens(w, n, view.tokens, group);
    const b = g(headWeightsOf(view.before, head, n));
    const a = view.after ? g(headWeightsOf(view.after, head, n)) : undefined;
    return { before: b.values, after: a?.values, labels: b.labels, m: b.m };
  }, [view, head, group, n]);
  const limit = useDifferenceLimit(before, after);
  const f = focus && focus.q < m && focus.k < m ? focus : undefined;
  const where = `layer ${view.layer} head ${head}`;

  return (
    <div>
      <div className="attention-maps">
        <PatternMap caption={after ? `${where}, nothing pruned` : where} values={before} n={m} labels={labels} kind="weights" cell={cell} focus={f} onFocus={setFocus} testId="attention-before" />
        {after && (
          <PatternMap caption={`${where}, with the grid's ${view.prune.length} pruned head${view.prune.length > 1 ? 's' : ''}`} values={after} n={m} labels={labels} kind="weights" cell={cell} focus={f} onFocus={setFocus} testId="attention-after" />
        )}
        {after && limit !== undefined && (
          <PatternMap caption={`difference (after − before), full colour at ±${fmt(limit)}`} values={after} minus={before} n={m} labels={labels} kind="difference" limit={limit} cell={cell} focus={f} onFocus={setFocus} testId="attention-difference" />
        )}
      </div>
      <p className="meta" data-testid="attention-readout" aria-live="polite">
        {f ? (
          <>
            From “{shownLabel(labels[f.q])}” (row {f.q}) {where} looks most at {topKeys(before.subarray(f.q * m, f.q * m + f.q + 1), labels)}
            {after && `; after pruning at ${topKeys(after.subarray(f.q * m, f.q * m + f.q + 1), labels)}`}. At “{shownLabel(labels[f.k])}” (column {f.k}): weight{' '}
            <span data-testid="attention-weight">{fmt(before[f.q * m + f.k])}</span>
            {after && (
              <>
                , after <span data-testid="attention-weight-after">{fmt(after[f.q * m + f.k])}</span>, difference {after[f.q * m + f.k] - before[f.q * m + f.k] >= 0 ? '+' : ''}
                {fmt(after[f.q * m + f.k] - before[f.q * m + f.k])}
              </>
            )}
            .
          </>
        ) : (
          'Point at a cell, or focus a map and use the arrow keys, to read where a token looks.'
        )}
      </p>
    </div>
  );
}
