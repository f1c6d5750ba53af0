/**
 * One head of the grid, and the grid's UI state that cells read.
 *
 * Each cell subscribes to its own pruned flag and to its own UI flags (tab
 * stop, inside the dragged box), so a toggle, a focus move or a drag
 * re-renders only the cells it changes. The UI state lives in a small store
 * rather than in HeadGrid's React state for that reason: as React state,
 * every press, focus and drag re-rendered all layers x heads cells. A cell
 * has no handlers of its own; HeadGrid handles its events once, for all.
 */
import { memo } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useHeadsStore, type HeadRef } from '../../store/headsStore';
import { useAttentionStore } from '../../store/attentionStore';

export interface DragBox {
  start: HeadRef;
  end: HeadRef;
}

export interface GridUi {
  /** The cell with tabIndex 0: the grid is one tab stop, arrows move inside it. */
  focus: HeadRef;
  /** The box under a drag, from the cell pressed to the cell under the pointer. */
  box: DragBox | null;
}

export type GridUiStore = StoreApi<GridUi>;

export const createGridUi = (): GridUiStore => createStore<GridUi>()(() => ({ focus: [0, 0], box: null }));

const within = (x: number, a: number, b: number) => x >= Math.min(a, b) && x <= Math.max(a, b);

function inBox(box: DragBox | null, layer: number, head: number): boolean {
  return !!box && within(layer, box.start[0], box.end[0]) && within(head, box.start[1], box.end[1]);
}

/** Whether a drag covered more than the cell it started on. */
export function spansCells(box: DragBox): boolean {
  return box.start[0] !== box.end[0] || box.start[1] !== box.end[1];
}

const FOCUSED = 1;
const IN_BOX = 2;

/**
 * One cell's UI flags as a number, so each cell needs a single subscription
 * and re-renders only when its own flags change.
 */
function cellFlags(ui: GridUi, layer: number, head: number): number {
  return (ui.focus[0] === layer && ui.focus[1] === head ? FOCUSED : 0) | (inBox(ui.box, layer, head) ? IN_BOX : 0);
}

/** The [layer, head] of the cell an event came from, if it came from one. */
export function cellFromTarget(target: EventTarget | null): HeadRef | null {
  const cell = target instanceof Element ? target.closest<HTMLElement>('[data-cell]') : null;
  if (!cell?.dataset.cell) return null;
  const [layer, head] = cell.dataset.cell.split('.').map(Number);
  return [layer, head];
}

export interface HeatCell {
  colour: string;
  title: string;
  /** A short mark drawn in the cell: SPRINT's rank for its top picks. */
  mark?: string;
}

interface CellProps {
  layer: number;
  head: number;
  ui: GridUiStore;
  /** Heatmap colour and its tooltip, when a sweep has data for this head. */
  heat?: HeatCell;
}

export const HeadCell = memo(function HeadCell({ layer, head, ui, heat }: CellProps) {
  const pruned = useHeadsStore((s) => s.pruned[layer * s.numHeads + head]);
  const flags = useStore(ui, (s) => cellFlags(s, layer, head));
  const inspected = useAttentionStore((s) => s.inspect && s.selected[0] === layer && s.selected[1] === head);
  return (
    <button
      type="button"
      className={`head-cell${pruned ? ' pruned' : ''}${flags & IN_BOX ? ' in-box' : ''}${inspected ? ' inspected' : ''}`}
      aria-pressed={pruned}
      // The name holds the mark it shows (WCAG 2.5.3, label in name), so a voice user can say what they see.
      aria-label={`layer ${layer} head ${head}${heat?.mark ? `, SPRINT pick ${heat.mark}` : ''}`}
      aria-current={inspected || undefined}
      tabIndex={flags & FOCUSED ? 0 : -1}
      data-cell={`${layer}.${head}`}
      style={heat ? { background: heat.colour } : undefined}
      title={heat?.title}
    >
      {heat?.mark && (
        // A light badge: the heatmap's dark purples would swallow dark digits drawn on the cell itself.
        <span style={{ background: '#ffffff', color: '#1d2330', borderRadius: 3, padding: '0 2px', lineHeight: 1.2 }}>{heat.mark}</span>
      )}
    </button>
  );
});
