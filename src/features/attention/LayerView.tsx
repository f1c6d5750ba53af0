/**
 * Every head of the inspected layer as small multiples, nothing pruned
 * (and, with heads pruned on the grid, after pruning beneath): the layer at
 * a glance. Each map is a button that opens that head in the one-head view.
 */
import { useEffect, useRef } from 'react';
import type { AttentionView } from '../../engine/attention/attentionView';
import { useAttentionStore } from '../../store/attentionStore';
import { drawMap } from './patternCanvas';
import { headWeightsOf } from './viewData';

/** Pixels a small multiple is drawn at, whatever the token count. */
const THUMB = 132;

function Thumb({ weights, n, label, onOpen, testId }: { weights: Float32Array; n: number; label: string; onOpen(): void; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // One pixel per cell, which CSS scales to THUMB pixels; drawn in short tasks, so a layer is many short tasks.
  useEffect(() => (canvas.current ? drawMap(canvas.current, weights, n, { kind: 'weights' }) : undefined), [weights, n]);
  return (
    <button type="button" className="attention-thumb" onClick={onOpen} aria-label={`open ${label}`} data-testid={testId}>
      <canvas ref={canvas} style={{ width: THUMB, height: THUMB }} aria-hidden="true" />
      <span>{label}</span>
    </button>
  );
}

export function LayerView({ view }: { view: AttentionView }) {
  const n = view.tokens.length;
  const open = (head: number) => {
    useAttentionStore.getState().setLayout('head');
    useAttentionStore.setState({ selected: [view.layer, head] });
  };
  const pruned = (h: number) => view.prune.some(([l, hh]) => l === view.layer && hh === h);
  const row = (layer: Float32Array, which: string) => (
    <div className="attention-thumbs" data-testid={`attention-layer-${which}`}>
      {Array.from({ length: view.numHeads }, (_, h) => (
        <Thumb
          key={h}
          weights={headWeightsOf(layer, h, n)}
          n={n}
          label={`head ${h}${pruned(h) ? ' (pruned)' : ''}`}
          onOpen={() => open(h)}
          testId={`attention-thumb-${which}-${h}`}
        />
      ))}
    </div>
  );
  return (
    <div>
      <p className="meta">Layer {view.layer}, every head, nothing pruned{view.after ? '; below, with the grid’s pruning' : ''}. Open a head to read it.</p>
      {row(view.before, 'before')}
      {view.after && row(view.after, 'after')}
    </div>
  );
}
