/**
 * Attention patterns: what the head selected on the grid (inspect mode)
 * attends to over the question above and its answer, one head or a whole
 * layer, before and after the grid's pruning; and the head roles over the
 * loaded problem set, which colour the grid.
 */
import { useEffect, useState } from 'react';
import { useAttentionStore, currentQuestion } from '../../store/attentionStore';
import { useHeadsStore, prunedHeads } from '../../store/headsStore';
import { useModelStore } from '../../store/modelStore';
import { useSolveStore } from '../../store/solveStore';
import { useCanStart } from '../../store/busy';
import { BusyNote } from '../busy/BusyNote';
import { HeadView } from './HeadView';
import { LayerView } from './LayerView';
import { RolesSection } from './RolesSection';
import { cssColour } from './mapColour';
import { installAttentionBench } from './attentionBench';
import './attention.css';

installAttentionBench();

/** Cell sizes offered; 0 fits the map to about 560 px, or 190 px each so before, after and difference sit side by side in the 960 px page. */
const ZOOMS = [0, 2, 4, 8, 12, 18];
const GROUPS = [1, 2, 4, 8];

function fitCell(n: number, maps: number): number {
  return Math.max(2, Math.min(18, Math.floor((maps > 1 ? 190 : 560) / Math.max(1, n))));
}

/** Prunes or restores the inspected head without leaving inspect mode. */
function PruneShown({ layer, head }: { layer: number; head: number }) {
  const pruned = useHeadsStore((s) => !!s.pruned[layer * s.numHeads + head]);
  return (
    <button type="button" onClick={() => useHeadsStore.getState().toggle(layer, head)}>
      {pruned ? `Restore layer ${layer} head ${head}` : `Prune layer ${layer} head ${head}`}
    </button>
  );
}

/** Says when the map on screen is not for the current head, question or pruning. */
function StaleNote() {
  const { view, viewFor, selected } = useAttentionStore();
  const question = useSolveStore((s) => s.question);
  const flags = useHeadsStore((s) => s.pruned);
  const numHeads = useHeadsStore((s) => s.numHeads);
  if (!view || !viewFor) return null;
  const pruned = prunedHeads(flags, numHeads);
  const changed = [
    viewFor.layer !== selected[0] && `the selected head is in layer ${selected[0]}`,
    viewFor.question !== question && 'the question changed',
    viewFor.prune.join(';') !== pruned.join(';') && 'the pruned heads changed',
  ].filter(Boolean);
  if (!changed.length) return null;
  return <p className="warning" data-testid="attention-stale">This map is out of date ({changed.join('; ')}): press Show attention.</p>;
}

export function AttentionPanel() {
  const ready = useModelStore((s) => s.status === 'ready');
  const fingerprint = useModelStore((s) => s.info?.fingerprint);
  const { inspect, selected, layout, status, error, view } = useAttentionStore();
  const canStart = useCanStart();
  const question = useSolveStore((s) => s.question);
  const [zoom, setZoom] = useState(0);
  const [group, setGroup] = useState(1);
  useEffect(() => useAttentionStore.getState().clear(), [fingerprint]);
  if (!ready) return null;
  const n = view ? Math.ceil(view.tokens.length / group) : 0;
  const cell = zoom || fitCell(n, view?.after && layout === 'head' ? 3 : 1);
  const { answer } = currentQuestion();

  return (
    <section className="panel" aria-labelledby="attention-heading">
      <h2 id="attention-heading">Attention patterns</h2>
      {inspect ? (
        <>
          <p className="meta">
            Layer {selected[0]} head {selected[1]} over the question above{answer.length ? ' and its answer' : ' (answer it to see the answer tokens too)'}.
          </p>
          <div className="buttons">
            <button type="button" disabled={!canStart || !question.trim()} onClick={() => void useAttentionStore.getState().show()}>
              Show attention
            </button>
            <PruneShown layer={selected[0]} head={selected[1]} />
            <button type="button" aria-pressed={layout === 'head'} onClick={() => useAttentionStore.getState().setLayout('head')}>
              One head
            </button>
            <button type="button" aria-pressed={layout === 'layer'} onClick={() => useAttentionStore.getState().setLayout('layer')}>
              Every head of the layer
            </button>
            <label>
              Cell size{' '}
              <select value={zoom} onChange={(e) => setZoom(Number(e.target.value))}>
                {ZOOMS.map((z) => (
                  <option key={z} value={z}>
                    {z ? `${z} px` : 'fit'}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Tokens per cell{' '}
              <select value={group} onChange={(e) => setGroup(Number(e.target.value))}>
                {GROUPS.map((g) => (
                  <option key={g} value={g}>
                    {g}
                  </option>
                ))}
              </select>
            </label>
            {status === 'running' && (
              <button type="button" onClick={() => useAttentionStore.getState().cancel()}>
                Cancel
              </button>
            )}
          </div>
          <BusyNote own="the attention patterns" />
          {status === 'running' && <p className="meta" role="status">Reading the attention of layer {selected[0]}…</p>}
          {status === 'error' && (
            <p role="alert" className="error" data-testid="attention-error">
              {error}
            </p>
          )}
          <StaleNote />
          {view && (
            <>
              <p className="legend attention-legend">
                Rows: the token that looks (query); columns: the tokens it looks at (keys); grey: later tokens, which it cannot see. Weight{' '}
                <span className="swatch" style={{ background: cssColour(0, 'weights') }} /> 0 <span className="swatch" style={{ background: cssColour(0.25, 'weights') }} /> 0.25{' '}
                <span className="swatch" style={{ background: cssColour(1, 'weights') }} /> 1 (square-root scale). {view.tokens.length} tokens: {view.promptLength} of the prompt
                {view.tokens.length > view.promptLength ? `, ${view.tokens.length - view.promptLength} of the answer` : ''}.
              </p>
              {layout === 'head' ? <HeadView view={view} head={selected[1]} cell={cell} group={group} /> : <LayerView view={view} />}
            </>
          )}
        </>
      ) : (
        <p className="meta">Turn on “Inspect heads” on the grid, then pick a head, to see what it attends to.</p>
      )}
      <RolesSection />
    </section>
  );
}
