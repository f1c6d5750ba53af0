/**
 * The truncation sweep: every layer × the chosen matrices at a few kept
 * fractions over the loaded problem set, drawn as a heatmap of accuracy
 * change (layers × matrices, one fraction) and accuracy against kept
 * fraction per matrix (one line per layer), exported as a version 2 sweep.
 */
import { useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { MATRICES, type MatrixKind } from '../../engine/truncate/truncationSpec';
import { useRunsStore } from '../../store/runsStore';
import { SWEEP_FRACTIONS, useTruncateStore } from '../../store/truncateStore';
import { downloadText } from '../export/downloadText';
import { summarizeTruncationSweep, type TruncationCell } from './truncationSummary';

const SETS: Record<string, (chosen: MatrixKind) => MatrixKind[]> = {
  'all seven matrices': () => [...MATRICES],
  'attention q, k, v, o': () => MATRICES.filter((m) => m.startsWith('attn')),
  'MLP gate, up, down': () => MATRICES.filter((m) => m.startsWith('mlp')),
  'only the chosen matrix': (chosen) => [chosen],
};

const LAYER_COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];

function colour(delta: number): string {
  const a = Math.min(1, Math.sqrt(Math.abs(delta) / 0.5));
  return delta >= 0 ? `rgba(33, 140, 60, ${a})` : `rgba(200, 40, 40, ${a})`;
}

function Heatmap({ cells, baseline, fraction, layers }: { cells: TruncationCell[]; baseline: number; fraction: number; layers: number }) {
  const matrices = MATRICES.filter((m) => cells.some((c) => c.matrix === m));
  return (
    <table data-testid="truncation-heatmap">
      <caption>Accuracy change against the untruncated {(100 * baseline).toFixed(0)}%, keeping {100 * fraction}% of each matrix (points)</caption>
      <thead><tr><th>layer</th>{matrices.map((m) => <th key={m}>{m}</th>)}</tr></thead>
      <tbody>
        {Array.from({ length: layers }, (_, l) => (
          <tr key={l}>
            <th>{l}</th>
            {matrices.map((m) => {
              const c = cells.find((x) => x.layer === l && x.matrix === m && x.fraction === fraction);
              const d = c ? c.accuracy - baseline : undefined;
              return (
                <td key={m} style={{ background: d === undefined ? undefined : colour(d) }} title={c ? `${l}.${m}:${fraction}: ${(100 * c.accuracy).toFixed(1)}% of ${c.n}` : 'not run yet'}>
                  {d === undefined ? '…' : `${d >= 0 ? '+' : ''}${(100 * d).toFixed(0)}`}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RankChart({ cells, baseline, matrix, layers }: { cells: TruncationCell[]; baseline: number; matrix: MatrixKind; layers: number }) {
  const data = [1, ...SWEEP_FRACTIONS].map((fraction) => {
    const row: Record<string, number> = { fraction };
    for (let l = 0; l < layers; l++) {
      const c = fraction === 1 ? { accuracy: baseline } : cells.find((x) => x.layer === l && x.matrix === matrix && x.fraction === fraction);
      if (c) row[`layer ${l}`] = Math.round(1000 * c.accuracy) / 10;
    }
    return row;
  });
  return (
    <figure data-testid={`rank-chart-${matrix}`}>
      <LineChart width={360} height={220} data={data} margin={{ top: 8, right: 8, bottom: 16, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="fraction" scale="log" domain={['auto', 'auto']} type="number" reversed label={{ value: 'kept fraction (log)', position: 'insideBottom', offset: -8 }} />
        <YAxis domain={[0, 100]} label={{ value: 'accuracy %', angle: -90, position: 'insideLeft' }} />
        <Tooltip />
        <Legend />
        {Array.from({ length: layers }, (_, l) => <Line key={l} dataKey={`layer ${l}`} stroke={LAYER_COLOURS[l % LAYER_COLOURS.length]} dot isAnimationActive={false} />)}
      </LineChart>
      <figcaption>{matrix}: accuracy against kept fraction (1 = untruncated), one line per layer</figcaption>
    </figure>
  );
}

export function TruncationSweep({ idle }: { idle: boolean }) {
  const problems = useRunsStore((s) => s.problems);
  const { matrix, sweep, startSweep, cancelSweep } = useTruncateStore();
  const [set, setSet] = useState('only the chosen matrix');
  const [fraction, setFraction] = useState(SWEEP_FRACTIONS[0]);
  const summary = sweep.file ? summarizeTruncationSweep(sweep.file) : undefined;
  const layers = sweep.file?.model.numLayers ?? 0;
  const swept = MATRICES.filter((m) => summary?.cells.some((c) => c.matrix === m));
  return (
    <div>
      <h3>Truncation sweep</h3>
      <label>
        Sweep matrices{' '}
        <select aria-label="Sweep matrices" value={set} onChange={(e) => setSet(e.target.value)}>
          {Object.keys(SETS).map((k) => <option key={k}>{k}</option>)}
        </select>
      </label>{' '}
      <button type="button" disabled={!idle || sweep.status === 'running' || problems.length === 0} onClick={() => void startSweep(problems, SETS[set](matrix), 64)}>
        Sweep truncations
      </button>{' '}
      <button type="button" disabled={sweep.status !== 'running'} onClick={cancelSweep}>Cancel truncation sweep</button>{' '}
      <button type="button" disabled={!sweep.file || sweep.status === 'running'} onClick={() => sweep.file && downloadText('headlab-truncation-sweep.json', JSON.stringify(sweep.file), 'application/json')}>
        Export truncation sweep JSON
      </button>
      <p data-testid="truncation-sweep-status">
        {sweep.status === 'idle' ? `Every layer at kept fractions ${SWEEP_FRACTIONS.join(', ')} over the ${problems.length} problems loaded above.` : `${sweep.done} of ${sweep.total} cells${sweep.status === 'done' ? ' — done' : sweep.status === 'error' ? ` — stopped: ${sweep.error}` : ''}`}
      </p>
      {summary && summary.baseline !== undefined && (
        <>
          <label>
            Heatmap fraction{' '}
            <select aria-label="Heatmap fraction" value={fraction} onChange={(e) => setFraction(Number(e.target.value))}>
              {SWEEP_FRACTIONS.map((f) => <option key={f} value={f}>{f}</option>)}
            </select>
          </label>
          <Heatmap cells={summary.cells} baseline={summary.baseline} fraction={fraction} layers={layers} />
          {swept.map((m) => <RankChart key={m} cells={summary.cells} baseline={summary.baseline!} matrix={m} layers={layers} />)}
        </>
      )}
    </div>
  );
}
