/**
 * One attention map on a canvas, with the pointer and the keyboard moving a
 * shared focus cell: its query row is outlined (where that token looks) and
 * the parent shows the numbers. Several maps side by side share the focus,
 * so before, after and their difference are read at the same cell.
 */
import { useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { cellAt, drawFocus, drawLabels, drawMap, layoutFor, type DrawOptions } from './patternCanvas';

export interface Focus {
  q: number;
  k: number;
}

interface Props {
  caption: string;
  /** [n, n] row-major. */
  values: Float32Array;
  n: number;
  labels: string[];
  kind: DrawOptions['kind'];
  limit?: number;
  cell: number;
  focus?: Focus;
  onFocus(f: Focus): void;
  testId: string;
}

/** Tokens whose labels one task draws: a few milliseconds of text each. */
const LABELS_PER_TASK = 60;

const KEYS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

export function PatternMap({ caption, values, n, labels, kind, limit, cell, focus, onFocus, testId }: Props) {
  const base = useRef<HTMLCanvasElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const layout = layoutFor(n, cell, true);

  // The map, then its labels, are drawn in tasks of their own, so maps side by side never add up to one long task.
  useEffect(() => {
    const timers = [setTimeout(() => base.current && drawMap(base.current, values, layout, { kind, limit }))];
    for (let from = 0; from < n; from += LABELS_PER_TASK) {
      timers.push(setTimeout(() => base.current && drawLabels(base.current, labels, layout, from, Math.min(n, from + LABELS_PER_TASK))));
    }
    return () => timers.forEach(clearTimeout);
    // layout is derived from n and cell.
  }, [values, n, cell, kind, limit, labels]);

  useEffect(() => {
    if (canvas.current) drawFocus(canvas.current, layout, focus);
  }, [n, cell, focus]);

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const scale = e.currentTarget.width / box.width;
    const hit = cellAt(layout, (e.clientX - box.left) * scale, (e.clientY - box.top) * scale);
    if (hit && (hit.q !== focus?.q || hit.k !== focus?.k)) onFocus(hit);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Home') {
      e.preventDefault();
      onFocus({ q: 0, k: 0 });
      return;
    }
    const move = KEYS[e.key];
    if (!move) return;
    e.preventDefault();
    const from = focus ?? { q: 0, k: 0 };
    const q = Math.min(n - 1, Math.max(0, from.q + move[0]));
    // Keys after the query are masked: the keyboard stays on what the head can see.
    const k = Math.min(q, Math.max(0, from.k + move[1]));
    onFocus({ q, k });
  };

  return (
    <figure className="attention-map">
      <figcaption>{caption}</figcaption>
      <div className="attention-scroll">
        <div className="attention-layers">
          <canvas ref={base} aria-hidden="true" />
          <canvas
            ref={canvas}
            data-testid={testId}
            tabIndex={0}
            role="img"
            aria-label={`${caption}: ${n} by ${n} cells; arrow keys move the highlighted cell, Home goes to the first`}
            onPointerMove={onPointerMove}
            onKeyDown={onKeyDown}
          />
        </div>
      </div>
    </figure>
  );
}
