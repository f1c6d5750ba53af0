/**
 * The selected head's map over the question and answer tokens; with heads
 * pruned on the grid, the same map after pruning and the difference beside
 * it; and a reading of the focused cell: where the focused token looks most,
 * and the weight at the focused key, all as text.
 */
import { useMemo, useState } from 'react';
import type { AttentionView } from '../../engine/attention/attentionView';
import { headWeightsOf } from './viewData';
import { groupTokens } from './aggregate';
import { PatternMap, type Focus } from './PatternMap';
import { shownLabel } from './patternCanvas';

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

export function HeadView({ view, head, cell, group }: Props) {
  const [focus, setFocus] = useState<Focus>();
  const n = view.tokens.length;
  const { before, after, difference, labels, m } = useMemo(() => {
    const g = (w: Float32Array) => groupTokens(w, n, view.tokens, group);
    const b = g(headWeightsOf(view.before, head, n));
    const a = view.after ? g(headWeightsOf(view.after, head, n)) : undefined;
    const d = a ? b.values.map((v, i) => a.values[i] - v) : undefined;
    return { before: b.values, after: a?.values, difference: d, labels: b.labels, m: b.m };
  }, [view, head, group, n]);
  const limit = useMemo(() => (difference ? difference.reduce((m, v) => Math.max(m, Math.abs(v)), 1e-6) : 1), [difference]);
  const f = focus && focus.q < m && focus.k < m ? focus : undefined;
  const where = `layer ${view.layer} head ${head}`;

  return (
    <div>
      <div className="attention-maps">
        <PatternMap caption={after ? `${where}, nothing pruned` : where} values={before} n={m} labels={labels} kind="weights" cell={cell} focus={f} onFocus={setFocus} testId="attention-before" />
        {after && (
          <PatternMap caption={`${where}, with the grid's ${view.prune.length} pruned head${view.prune.length > 1 ? 's' : ''}`} values={after} n={m} labels={labels} kind="weights" cell={cell} focus={f} onFocus={setFocus} testId="attention-after" />
        )}
        {difference && (
          <PatternMap caption={`difference (after − before), full colour at ±${fmt(limit)}`} values={difference} n={m} labels={labels} kind="difference" limit={limit} cell={cell} focus={f} onFocus={setFocus} testId="attention-difference" />
        )}
      </div>
      <p className="meta" data-testid="attention-readout" aria-live="polite">
        {f ? (
          <>
            From “{shownLabel(labels[f.q])}” (row {f.q}) {where} looks most at {topKeys(before.subarray(f.q * m, f.q * m + f.q + 1), labels)}
            {after && `; after pruning at ${topKeys(after.subarray(f.q * m, f.q * m + f.q + 1), labels)}`}. At “{shownLabel(labels[f.k])}” (column {f.k}): weight{' '}
            <span data-testid="attention-weight">{fmt(before[f.q * m + f.k])}</span>
            {after && difference && (
              <>
                , after <span data-testid="attention-weight-after">{fmt(after[f.q * m + f.k])}</span>, difference {difference[f.q * m + f.k] >= 0 ? '+' : ''}
                {fmt(difference[f.q * m + f.k])}
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
