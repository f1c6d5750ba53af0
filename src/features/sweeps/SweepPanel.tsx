/** Sweep every single-head pruning over the problem set; results colour the grid and rank the heads. */
import { useState } from 'react';
import type { SweepMode } from '../../engine/sweep/sweepSchema';
import { sweepToCsv } from '../../engine/sweep/sweepMetrics';
import { useModelStore } from '../../store/modelStore';
import { useBusyWith } from '../../store/busy';
import { BusyNote } from '../busy/BusyNote';
import { useRunsStore } from '../../store/runsStore';
import { sweepProgress, useSweepStore } from '../../store/sweepStore';
import { downloadText } from '../export/downloadText';
import { RankedHeads } from './RankedHeads';
import { SavedSweeps } from './SavedSweeps';
import { ConfirmReplace, SweepOrigin } from './SweepOrigin';

export function SweepPanel() {
  const info = useModelStore((s) => s.info);
  const problems = useRunsStore((s) => s.problems);
  const { file, summary, status, error, notice, skipped, otherTab, rate, start, resume, pause, discard, importJson } = useSweepStore();
  const [mode, setMode] = useState<SweepMode>('generate');
  const [confirming, setConfirming] = useState(false);
  const { done, total } = sweepProgress(file);
  const running = status === 'running';
  const blocked = useBusyWith() !== undefined;
  const eta = rate && rate > 0 ? Math.round((total - done) / rate) : undefined;

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
      {file && <SweepOrigin file={file} problems={problems} />}
      <div className="buttons">
        <label>
          Mode{' '}
          <select value={mode} onChange={(e) => setMode(e.target.value as SweepMode)} disabled={running}>
            <option value="generate">generate (accuracy)</option>
            <option value="logprob">log-prob of the reference</option>
          </select>
        </label>
        <button type="button" disabled={!info || blocked} onClick={() => (file?.cells.length ? setConfirming(true) : info && void start(info, problems, mode))}>
          Start sweep
        </button>
        <button type="button" disabled={status !== 'paused' || blocked} onClick={() => void resume()}>
          Resume
        </button>
        <button type="button" disabled={!running} onClick={pause}>
          Pause
        </button>
        <button type="button" disabled={!file} onClick={() => void discard()}>
          Discard
        </button>
      </div>
      {confirming && file && info && (
        <ConfirmReplace
          file={file}
          count={problems.length}
          onAnswer={(replace) => {
            setConfirming(false);
            if (replace) void start(info, problems, mode);
          }}
        />
      )}
      <BusyNote own="the sweep" />
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
      {otherTab && (
        <p role="status" className="warning" data-testid="sweep-other-tab">
          {otherTab}
        </p>
      )}
      <SavedSweeps />
      {skipped && (
        <p className="warning" data-testid="sweep-skipped">
          {skipped}
        </p>
      )}
      {notice && (
        <p role="status" className="warning" data-testid="sweep-notice">
          {notice}
        </p>
      )}
      {file && summary && <RankedHeads file={file} summary={summary} />}
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
