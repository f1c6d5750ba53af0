/**
 * The Truncate panel: choose a layer, a matrix and a kept fraction (log
 * steps), apply it to the loaded model (every later answer, comparison and
 * sweep runs on the truncated weights), verify it, and sweep truncations.
 */
import { useState } from 'react';
import { MATRICES, formatTruncation, type MatrixKind } from '../../engine/truncate/truncationSpec';
import { useModelStore } from '../../store/modelStore';
import { useCanStart } from '../../store/busy';
import { KEEP_STEPS, useTruncateStore } from '../../store/truncateStore';
import { TruncationCheck } from './TruncationCheck';
import { TruncationSweep } from './TruncationSweep';

function percent(x: number): string {
  return `${+(100 * x).toFixed(1)}%`;
}

export function TruncatePanel() {
  const info = useModelStore((s) => s.info);
  const canStart = useCanStart();
  const { layer, matrix, step, active, reports, status, error, choose, apply } = useTruncateStore();
  const [bottom, setBottom] = useState(false);
  if (!info) return null;
  const fraction = KEEP_STEPS[step];
  const chosen = formatTruncation({ layer, matrix, keep: { fraction }, bottom: bottom || undefined });
  const idle = canStart && status !== 'running';
  return (
    <section aria-label="Truncate" className="panel">
      <h2>Truncate a weight matrix</h2>
      <p>
        Replace one matrix by its rank-r approximation: keep its largest singular components (or, as a control, its smallest) and drop the
        rest. Every answer, comparison and sweep then runs on the truncated model.
      </p>
      <div className="controls">
        <label>
          Layer{' '}
          <select aria-label="Layer" value={layer} onChange={(e) => choose({ layer: Number(e.target.value) })}>
            {Array.from({ length: info.spec.numLayers }, (_, l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </label>
        <label>
          Matrix{' '}
          <select aria-label="Matrix" value={matrix} onChange={(e) => choose({ matrix: e.target.value as MatrixKind })}>
            {MATRICES.map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
        </label>
        <label>
          Kept fraction{' '}
          <span className="scale-end" aria-hidden="true">{percent(KEEP_STEPS[0])}</span>
          <input type="range" aria-label="Kept fraction" min={0} max={KEEP_STEPS.length - 1} step={1} value={step} aria-valuetext={percent(fraction)}
            list="kept-fraction-ticks" onChange={(e) => choose({ step: Number(e.target.value) })} />
          <span className="scale-end" aria-hidden="true">{percent(KEEP_STEPS[KEEP_STEPS.length - 1])}</span>{' '}
          <datalist id="kept-fraction-ticks">
            {KEEP_STEPS.map((f, i) => <option key={f} value={i} label={percent(f)} />)}
          </datalist>
          <output data-testid="kept-fraction">{percent(fraction)}</output>
        </label>
        <label>
          <input type="checkbox" checked={bottom} onChange={(e) => setBottom(e.target.checked)} /> keep the smallest components instead (control)
        </label>
        <button type="button" disabled={!idle} onClick={() => void apply([chosen])}>Apply truncation</button>
        <button type="button" disabled={!idle || active.length === 0} onClick={() => void apply([])}>Remove truncation</button>
      </div>
      <p data-testid="truncation-active" role="status">
        {status === 'running'
          ? `Truncating ${chosen}…`
          : active.length === 0
            ? 'No truncation: the model runs with its weights as loaded.'
            : `The model now runs with ${active.join(', ')}: ` +
              reports.map((r) => `rank ${r.rank} of ${r.fullRank} of ${r.weight} [${r.dims.join(' × ')}], ${percent(r.energyKept)} of Σσ² kept`).join('; ')}
      </p>
      {status === 'error' && <p role="alert">{error}</p>}
      <TruncationCheck idle={idle} />
      <TruncationSweep idle={idle} />
    </section>
  );
}
