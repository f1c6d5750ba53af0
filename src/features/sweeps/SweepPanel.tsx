/** Sweep every single-head pruning over the problem set; results colour the grid and rank the heads. */
import { useState } from 'react';
import type { SweepMode } from '../../engine/sweep/sweepSchema';
import { sweepToCsv } from '../../engine/sweep/sweepMetrics';
import { useModelStore } from '../../store/modelStore';
import { useRunsStore } from '../../store/runsStore';
import { sweepProgress, useSweepStore } from '../../store/sweepStore';
import { downloadText } from '../export/downloadText';

function formatDelta(delta: number, unit: 'accuracy' | 'log-prob'): string {
  if (!Number.isFinite(delta)) return '–';
  return unit === 'accuracy' ? `${delta >= 0 ? '+' : ''}${(100 * delta).toFixed(1)} pts` : `${delta >= 0 ? '+' : ''}${delta.toFixed(3)} nats`;
}

export function SweepPanel() {
  const info = useModelStore((s) => s.info);
  const problems = useRunsStore((s) => s.problems);
  const { file, summary, status, error, rate, start, resume, pause, discard, importJson } = useSweepStore();
  const [mode, setMode] = useState<SweepMode>('generate');
  const { done, total } = sweepProgress(file);
  const running = status === 'running';
  const eta = rate && rate > 0 ? Math.round((total - done) / rate) : undefined;
  const ranked = summary ? summary.heads.filter((h) => h.n > 0).sort((a, b) => b.delta - a.delta) : [];

  const onImport = async (input: HTMLInputElement) => {
    const f = input.files?.[0];
    if (f && info) importJson(await f.text(), info);
    input.value = '';
  };

  return (
    <section className="panel" aria-labelledby="sweep-heading">
      <h2 id="sweep-heading">Sweep every head</h2>
      <p className="meta">
        Prunes each head alone over the {problems.length} problems above (plus the unpruned baseline). Generate mode grades full answers; the
        log-prob mode scores the reference solution, a faster proxy.
      </p>
      <div className="buttons">
        <label>
          Mode{' '}
          <select value={mode} onChange={(e) => setMode(e.target.value as SweepMode)} disabled={running}>
            <option value="generate">generate (accuracy)</option>
            <option value="logprob">log-prob of the reference</option>
          </select>
        </label>
        <button type="button" disabled={!info || running} onClick={() => info && void start(info, problems, mode)}>
          Start sweep
        </button>
        <button type="button" disabled={status !== 'paused'} onClick={() => void resume()}>
          Resume
        </button>
        <button type="button" disabled={!running} onClick={pause}>
          Pause
        </button>
        <button type="button" disabled={!file} onClick={() => void discard()}>
          Discard
        </button>
      </div>
      {file && (
        <p data-testid="sweep-status">
          <progress aria-label="Sweep progress" max={total} value={done} /> {done} of {total} cells ({file.mode})
          {running && eta !== undefined ? `, about ${eta} s left` : ''}
          {status === 'paused' ? ' — paused; saved in this browser' : ''}
          {status === 'done' ? ' — done' : ''}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {summary && ranked.length > 0 && (
        <table className="results" data-testid="ranked-heads">
          <caption>Heads ranked by change in {summary.unit} when pruned alone (top 5 and bottom 5)</caption>
          <thead>
            <tr>
              <th scope="col">Head</th>
              <th scope="col">Change</th>
              <th scope="col">Problems</th>
            </tr>
          </thead>
          <tbody>
            {[...ranked.slice(0, 5), ...ranked.slice(Math.max(5, ranked.length - 5))].map((h) => (
              <tr key={`${h.layer}.${h.head}`}>
                <td>
                  layer {h.layer} head {h.head}
                </td>
                <td>{formatDelta(h.delta, summary.unit)}</td>
                <td>{h.n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="buttons">
        <button type="button" disabled={!file} onClick={() => file && downloadText('headlab-sweep.json', JSON.stringify(file), 'application/json')}>
          Export JSON
        </button>
        <button type="button" disabled={!file} onClick={() => file && downloadText('headlab-sweep.csv', sweepToCsv(file), 'text/csv')}>
          Export CSV
        </button>
        <label className="file-button">
          Import sweep JSON <input type="file" accept=".json,application/json" onChange={(e) => void onImport(e.target)} disabled={!info || running} />
        </label>
      </div>
    </section>
  );
}
