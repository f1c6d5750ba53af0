/**
 * The layers x heads grid. A click toggles a head; the row and column
 * buttons toggle a whole layer or head index; dragging across cells sets a
 * box. Keyboard: arrow keys move, space or enter toggles.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useHeadsStore, type HeadRef } from '../../store/headsStore';
import { useSweepStore } from '../../store/sweepStore';
import { heatColour, heatLimit } from './heatColour';

interface CellProps {
  layer: number;
  head: number;
  focused: boolean;
  inBox: boolean;
  /** Heatmap colour and its tooltip, when a sweep has data for this head. */
  heat?: { colour: string; title: string };
  onPointerDown(cell: HeadRef): void;
  onClick(cell: HeadRef): void;
  onFocus(cell: HeadRef): void;
}

const HeadCell = memo(function HeadCell({ layer, head, focused, inBox, heat, onPointerDown, onClick, onFocus }: CellProps) {
  const pruned = useHeadsStore((s) => s.pruned[layer * s.numHeads + head]);
  return (
    <button
      type="button"
      className={`head-cell${pruned ? ' pruned' : ''}${inBox ? ' in-box' : ''}`}
      aria-pressed={pruned}
      aria-label={`layer ${layer} head ${head}`}
      tabIndex={focused ? 0 : -1}
      data-cell={`${layer}.${head}`}
      style={heat ? { background: heat.colour } : undefined}
      title={heat?.title}
      onPointerDown={() => onPointerDown([layer, head])}
      onClick={() => onClick([layer, head])}
      onFocus={() => onFocus([layer, head])}
    />
  );
});

const within = (x: number, a: number, b: number) => x >= Math.min(a, b) && x <= Math.max(a, b);

/** The pruned count and Reset: their own component, so a toggle does not re-render the whole grid. */
function PrunedCount({ total }: { total: number }) {
  const count = useHeadsStore((s) => s.pruned.filter(Boolean).length);
  const reset = useHeadsStore((s) => s.reset);
  return (
    <p className="meta">
      <span data-testid="pruned-count">{count}</span> of {total} heads pruned. Pruning a head zeroes its output before the attention output
      projection.{' '}
      <button type="button" onClick={reset} disabled={count === 0}>
        Reset
      </button>
    </p>
  );
}

export function HeadGrid() {
  const numLayers = useHeadsStore((s) => s.numLayers);
  const numHeads = useHeadsStore((s) => s.numHeads);
  const toggle = useHeadsStore((s) => s.toggle);
  const toggleLayer = useHeadsStore((s) => s.toggleLayer);
  const toggleHead = useHeadsStore((s) => s.toggleHead);
  const setBox = useHeadsStore((s) => s.setBox);
  const summary = useSweepStore((s) => s.summary);
  const heat = useMemo(() => {
    if (!summary) return undefined;
    const limit = heatLimit(summary.heads.map((h) => h.delta), summary.unit === 'accuracy' ? 0.1 : 0.5);
    const unit = summary.unit === 'accuracy' ? 'accuracy' : 'log-prob';
    const cells = summary.heads.map((h) => ({
      colour: heatColour(h.delta, limit),
      title: h.n ? `layer ${h.layer} head ${h.head}: change in ${unit} ${h.delta >= 0 ? '+' : ''}${h.delta.toFixed(3)} over ${h.n} problems` : `layer ${h.layer} head ${h.head}: not swept yet`,
    }));
    return { cells, limit, unit };
  }, [summary]);
  const [focus, setFocus] = useState<HeadRef>([0, 0]);
  const [drag, setDrag] = useState<{ start: HeadRef; end: HeadRef } | null>(null);
  const suppressClick = useRef(false);
  const gridRef = useRef<HTMLDivElement>(null);

  const onPointerDown = useCallback((cell: HeadRef) => setDrag({ start: cell, end: cell }), []);
  // Hit-test by position: touch pointers stay captured by the cell they started on.
  const onPointerMove = (e: PointerEvent) => {
    if (!drag) return;
    const cell = document.elementFromPoint(e.clientX, e.clientY)?.closest<HTMLElement>('[data-cell]')?.dataset.cell;
    if (!cell) return;
    const [l, h] = cell.split('.').map(Number);
    if (l !== drag.end[0] || h !== drag.end[1]) setDrag({ ...drag, end: [l, h] });
  };
  const onClick = useCallback(
    (cell: HeadRef) => {
      if (suppressClick.current) suppressClick.current = false;
      else toggle(cell[0], cell[1]);
    },
    [toggle],
  );
  const onFocus = useCallback((cell: HeadRef) => setFocus(cell), []);

  useEffect(() => {
    if (!drag) return;
    const end = () => {
      if (drag.start[0] !== drag.end[0] || drag.start[1] !== drag.end[1]) {
        const { pruned, numHeads: H } = useHeadsStore.getState();
        setBox(drag.start, drag.end, !pruned[drag.start[0] * H + drag.start[1]]);
        suppressClick.current = true;
      }
      setDrag(null);
    };
    window.addEventListener('pointerup', end);
    return () => window.removeEventListener('pointerup', end);
  }, [drag, setBox]);

  const onKeyDown = (e: KeyboardEvent) => {
    const moves: Record<string, HeadRef> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    const next: HeadRef = [Math.min(numLayers - 1, Math.max(0, focus[0] + move[0])), Math.min(numHeads - 1, Math.max(0, focus[1] + move[1]))];
    setFocus(next);
    gridRef.current?.querySelector<HTMLButtonElement>(`[data-cell="${next[0]}.${next[1]}"]`)?.focus();
  };

  if (numLayers === 0) return null;
  return (
    <section className="panel" aria-labelledby="heads-heading">
      <h2 id="heads-heading">Attention heads</h2>
      <PrunedCount total={numLayers * numHeads} />
      <div
        ref={gridRef}
        className="head-grid"
        role="group"
        aria-label={`Attention heads: ${numLayers} layers by ${numHeads} heads`}
        style={{ gridTemplateColumns: `auto repeat(${numHeads}, 1fr)` }}
        onKeyDown={onKeyDown}
        onPointerMove={onPointerMove}
      >
        <span className="axis-corner" aria-hidden="true">
          layer \ head
        </span>
        {Array.from({ length: numHeads }, (_, h) => (
          <button key={`h${h}`} type="button" className="axis" aria-label={`toggle head ${h} in every layer`} onClick={() => toggleHead(h)}>
            {h}
          </button>
        ))}
        {Array.from({ length: numLayers }, (_, l) => [
          <button key={`l${l}`} type="button" className="axis" aria-label={`toggle every head of layer ${l}`} onClick={() => toggleLayer(l)}>
            {l}
          </button>,
          ...Array.from({ length: numHeads }, (_, h) => (
            <HeadCell
              key={`${l}.${h}`}
              layer={l}
              head={h}
              focused={focus[0] === l && focus[1] === h}
              inBox={!!drag && within(l, drag.start[0], drag.end[0]) && within(h, drag.start[1], drag.end[1])}
              heat={heat?.cells[l * numHeads + h]}
              onPointerDown={onPointerDown}
              onClick={onClick}
              onFocus={onFocus}
            />
          )),
        ])}
      </div>
      {heat && (
        <p className="legend" data-testid="heat-legend">
          Colour: change in {heat.unit} when the head alone is pruned.{' '}
          <span className="swatch" style={{ background: heatColour(-heat.limit, heat.limit) }} /> −{heat.limit.toFixed(2)} (hurts){' '}
          <span className="swatch" style={{ background: heatColour(0, heat.limit) }} /> 0{' '}
          <span className="swatch" style={{ background: heatColour(heat.limit, heat.limit) }} /> +{heat.limit.toFixed(2)} (helps). Pruned heads are
          outlined.
        </p>
      )}
    </section>
  );
}
