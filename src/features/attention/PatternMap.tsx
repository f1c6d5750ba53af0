/**
 * One attention map, with the pointer and the keyboard moving a shared
 * focus cell: its query row is outlined (where that token looks) and the
 * parent shows the numbers. Several maps side by side share the focus, so
 * before, after and their difference are read at the same cell.
 * The map is a canvas of one pixel per cell that CSS scales to the cell
 * size, and the focus outlines are two positioned boxes over it, so neither
 * zooming nor moving the focus allocates or redraws a canvas.
 */
import { useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { cellAt, drawLabels, drawMap, LABEL_OVERHANG, labelStrips, layoutFor, type DrawOptions } from './patternCanvas';

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
  /** Draw values − minus (a difference map). */
  minus?: Float32Array;
  cell: number;
  focus?: Focus;
  onFocus(f: Focus): void;
  testId: string;
}

const KEYS: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

/** Position of a 2 px outline box around the rectangle [x, y, width, height] (CSS pixels), straddling its edge as a stroke would. */
function outline([x, y, w, h]: [number, number, number, number]) {
  return { left: x - 1, top: y - 1, width: w + 2, height: h + 2 };
}

export function PatternMap({ caption, values, minus, n, labels, kind, limit, cell, focus, onFocus, testId }: Props) {
  const map = useRef<HTMLCanvasElement>(null);
  const rows = useRef<HTMLCanvasElement>(null);
  const cols = useRef<HTMLCanvasElement>(null);
  const layout = layoutFor(n, cell);
  const strips = labelStrips(layout);
  const side = n * cell;

  // Both draw in short tasks of their own, so maps side by side never add up to one long task.
  useEffect(() => (map.current ? drawMap(map.current, values, n, { kind, limit, minus }) : undefined), [values, minus, n, kind, limit]);
  useEffect(() => (rows.current && cols.current ? drawLabels(rows.current, cols.current, labels, layoutFor(n, cell)) : undefined), [labels, n, cell]);

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    // CSS pixels of the map as laid out, in case a transform scales what is on screen.
    const scale = box.width > 0 ? side / box.width : 1;
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
        <div className="attention-grid" style={{ gridTemplateColumns: `${layout.margin}px ${side}px` }}>
          <span />
          <canvas ref={cols} aria-hidden="true" style={{ width: strips.cols[0], height: strips.cols[1], marginInline: -LABEL_OVERHANG }} />
          <canvas ref={rows} aria-hidden="true" style={{ width: strips.rows[0], height: strips.rows[1], marginBlock: -LABEL_OVERHANG }} />
          <div className="attention-cells">
            <canvas
              ref={map}
              className="attention-pixels"
              style={{ width: side, height: side }}
              data-testid={testId}
              tabIndex={0}
              role="img"
              aria-label={`${caption}: ${n} by ${n} cells; arrow keys move the highlighted cell, Home goes to the first`}
              onPointerMove={onPointerMove}
              onKeyDown={onKeyDown}
            />
            {focus && (
              <>
                <div className="attention-focus-row" style={outline([0, focus.q * cell, side, cell])} />
                <div className="attention-focus-cell" style={outline([focus.k * cell, focus.q * cell, cell, cell])} />
              </>
            )}
          </div>
        </div>
      </div>
    </figure>
  );
}
