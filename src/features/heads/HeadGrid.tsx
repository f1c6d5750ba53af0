/**
 * The layers x heads grid. A click toggles a head; the row and column
 * buttons toggle a whole layer or head index; dragging across cells sets a
 * box. Keyboard: arrow keys move, space or enter toggles.
 *
 * A toggle has to fit in one frame at 28 x 16 heads (bench/grid.ts), so
 * HeadGrid re-renders only when the grid's shape or the sweep's heatmap
 * changes. Pointer, click, focus and key events are handled here once, for
 * every cell, and what they change (pruned flags in the heads store, the tab
 * stop and drag box in the grid's UI store) each cell reads through its own
 * subscription, so only the cells that change re-render.
 */
import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import { useHeadsStore, type HeadRef } from '../../store/headsStore';
import { cellFromTarget, createGridUi, HeadCell, spansCells } from './HeadCell';
import { HEAT_METRICS, useHeatmap, type Heatmap, type HeatMetric } from './Heatmap';
import { useEveryHeadStore } from '../../store/everyHeadStore';
import { HeatLegend } from './HeatLegend';
import { downloadHeatmapPng } from './heatmapPng';
import { useModelStore } from '../../store/modelStore';
import { useSprintStore } from '../../store/sprintStore';
import { useAttentionStore } from '../../store/attentionStore';
import { InspectToggle } from '../attention/InspectToggle';
import { RoleLegend, RoleOptions, useCellsWithRoles, useRoleHeatmap } from '../attention/roleHeatmap';

const MOVES: Record<string, HeadRef> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

const clamp = (x: number, n: number) => Math.min(n - 1, Math.max(0, x));

/** The pruned count and Reset: their own component, so a toggle re-renders this line, not the grid. */
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
  const toggleLayer = useHeadsStore((s) => s.toggleLayer);
  const toggleHead = useHeadsStore((s) => s.toggleHead);
  const [metric, setMetric] = useState<HeatMetric>('sweep');
  const ranked = useSprintStore((s) => s.ranked);
  const everyHead = useEveryHeadStore((s) => s.report);
  // A new SPRINT ranking, or a question run under every head, is what the user just asked to see: show it on the grid.
  useEffect(() => {
    if (ranked) setMetric('sprint');
  }, [ranked]);
  useEffect(() => {
    if (everyHead) setMetric('question');
  }, [everyHead]);
  const maps: Record<HeatMetric, Heatmap | undefined> = { sweep: useHeatmap('sweep'), sprint: useHeatmap('sprint'), question: useHeatmap('question') };
  const chosen = maps[metric];
  const available = HEAT_METRICS.filter((m) => maps[m]);
  const heat = chosen ?? (available.length ? maps[available[0]] : undefined);
  // A head role chosen in "Colour by" takes the grid's colours while it is chosen.
  const roleHeat = useRoleHeatmap();
  const colourRole = useAttentionStore((s) => s.colourRole);
  const rolesScored = useAttentionStore((s) => s.roles.report !== undefined);
  const cells = useCellsWithRoles(heat?.cells);
  const modelName = useModelStore((s) => s.info?.name ?? 'the model');
  const [ui] = useState(createGridUi);
  const gridRef = useRef<HTMLDivElement>(null);
  // Set once a drag has set a box, so the click that ends the drag does not toggle a head too.
  const suppressClick = useRef(false);

  // A new shape starts with the tab stop on the first cell, which the old shape may not have had.
  useEffect(() => {
    ui.setState({ focus: [0, 0], box: null });
  }, [ui, numLayers, numHeads]);

  const endDrag = () => {
    const { box } = ui.getState();
    if (!box) return;
    ui.setState({ box: null });
    if (!spansCells(box)) return;
    const { pruned, numHeads: H, setBox } = useHeadsStore.getState();
    setBox(box.start, box.end, !pruned[box.start[0] * H + box.start[1]]);
    suppressClick.current = true;
  };

  const onPointerDown = (e: PointerEvent) => {
    // Every pointer click starts here, so a flag left by an earlier drag cannot swallow it.
    suppressClick.current = false;
    const cell = cellFromTarget(e.target);
    if (!cell) return;
    ui.setState({ box: { start: cell, end: cell } });
    // On window: the pointer may be released outside the grid.
    window.addEventListener('pointerup', endDrag, { once: true });
  };

  // Hit-test by position: touch pointers stay captured by the cell they started on.
  const onPointerMove = (e: PointerEvent) => {
    const { box } = ui.getState();
    if (!box) return;
    const end = cellFromTarget(document.elementFromPoint(e.clientX, e.clientY));
    if (end && (end[0] !== box.end[0] || end[1] !== box.end[1])) ui.setState({ box: { ...box, end } });
  };

  const onClick = (e: MouseEvent) => {
    if (suppressClick.current) {
      suppressClick.current = false;
      return;
    }
    const cell = cellFromTarget(e.target);
    // In inspect mode a click (or Enter / space on the focused head) selects the head to show.
    if (cell && useAttentionStore.getState().inspect) useAttentionStore.getState().select(cell);
    else if (cell) useHeadsStore.getState().toggle(cell[0], cell[1]);
  };

  const onFocus = (e: FocusEvent) => {
    const cell = cellFromTarget(e.target);
    if (cell) ui.setState({ focus: cell });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    // Space and Enter click the focused cell; that click is never the end of a drag.
    suppressClick.current = false;
    const move = MOVES[e.key];
    if (!move) return;
    e.preventDefault();
    const [l, h] = ui.getState().focus;
    const next: HeadRef = [clamp(l + move[0], numLayers), clamp(h + move[1], numHeads)];
    ui.setState({ focus: next });
    gridRef.current?.querySelector<HTMLButtonElement>(`[data-cell="${next[0]}.${next[1]}"]`)?.focus();
  };

  if (numLayers === 0) return null;
  return (
    <section className="panel" aria-labelledby="heads-heading">
      <h2 id="heads-heading">Attention heads</h2>
      <PrunedCount total={numLayers * numHeads} />
      <InspectToggle />
      <div
        ref={gridRef}
        className="head-grid"
        role="group"
        aria-label={`Attention heads: ${numLayers} layers by ${numHeads} heads`}
        style={{ gridTemplateColumns: `auto repeat(${numHeads}, 1fr)` }}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onClick={onClick}
        onFocus={onFocus}
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
            <HeadCell key={`${l}.${h}`} layer={l} head={h} ui={ui} heat={(roleHeat?.cells ?? cells)?.[l * numHeads + h]} />
          )),
        ])}
      </div>
      {(available.length > 1 || rolesScored) && (
        <label>
          Colour by{' '}
          <select
            value={colourRole ? `role:${colourRole}` : metric}
            onChange={(e) => {
              const v = e.target.value;
              useAttentionStore.getState().setColourRole(v.startsWith('role:') ? (v.slice(5) as typeof colourRole) : null);
              if (!v.startsWith('role:')) setMetric(v as HeatMetric);
            }}
          >
            {!heat && <option value={metric}>nothing (pruned heads only)</option>}
            {maps.sweep && <option value="sweep">the sweep: change when the head alone is pruned</option>}
            {maps.sprint && <option value="sprint">SPRINT's estimated chance for the question</option>}
            {maps.question && <option value="question">the question under every head: what each pruning did</option>}
            <RoleOptions />
          </select>
        </label>
      )}
      {roleHeat && <RoleLegend heat={roleHeat} />}
      {heat && !roleHeat && <HeatLegend heat={heat} />}
      {heat && !roleHeat && (
        <button
          type="button"
          onClick={() => void downloadHeatmapPng(heat, numLayers, numHeads, `HeadLab heatmap, ${modelName}, ${numLayers} layers × ${numHeads} heads`, 'headlab-heatmap.png')}
        >
          Export heatmap as PNG
        </button>
      )}
    </section>
  );
}
