/** Run a problem set with nothing pruned and with the grid's pruning, and compare. */
import { LEVELS, type Level } from '../../engine/problems/synthetic';
import { useModelStore } from '../../store/modelStore';
import { useRunsStore } from '../../store/runsStore';
import { AccuracyChart } from './AccuracyChart';
import { DeltaChart } from './DeltaChart';
import { ResultsTable } from './ResultsTable';

export function RunPanel() {
  const ready = useModelStore((s) => s.status === 'ready');
  const { spec, problems, status, error, done, total, baseline, pruned, prunedHeads, setSpec, run, cancel } = useRunsStore();
  const running = status === 'running';
  const number = (raw: string, fallback: number) => (Number.isInteger(Number(raw)) && Number(raw) >= 0 ? Number(raw) : fallback);

  return (
    <section className="panel" aria-labelledby="runs-heading">
      <h2 id="runs-heading">Compare on a problem set</h2>
      <div className="buttons">
        <label>
          Seed <input type="number" min={0} value={spec.seed} onChange={(e) => setSpec({ ...spec, seed: number(e.target.value, spec.seed) })} />
        </label>
        <label>
          Problems <input type="number" min={1} max={500} value={spec.count} onChange={(e) => setSpec({ ...spec, count: Math.min(500, Math.max(1, number(e.target.value, spec.count))) })} />
        </label>
        <label>
          Level{' '}
          <select value={spec.level ?? ''} onChange={(e) => setSpec({ ...spec, level: e.target.value ? (Number(e.target.value) as Level) : undefined })}>
            <option value="">mixed</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {l} step{l > 1 ? 's' : ''}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={!ready || running} onClick={() => void run()}>
          Run comparison
        </button>
        <button type="button" disabled={!running} onClick={cancel}>
          Cancel
        </button>
      </div>
      <p className="meta">
        {problems.length} synthetic problems. The comparison runs them with no heads pruned, then with the heads pruned in the grid.
      </p>
      {running && <progress aria-label="Comparison progress" max={total} value={done} />}
      {status === 'cancelled' && <p>Cancelled.</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {baseline && pruned && (
        <>
          <p data-testid="run-summary">
            Pruned: {prunedHeads.length ? prunedHeads.map(([l, h]) => `${l}.${h}`).join(', ') : 'none'}.
          </p>
          <div className="charts">
            <AccuracyChart baseline={baseline} pruned={pruned} />
            <DeltaChart baseline={baseline} pruned={pruned} />
          </div>
        </>
      )}
      {baseline && <ResultsTable problems={problems} baseline={baseline} pruned={pruned} />}
    </section>
  );
}
