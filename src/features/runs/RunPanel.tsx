/** Run a problem set with nothing pruned and with the grid's pruning, and compare. */
import { useModelStore } from '../../store/modelStore';
import { useRunsStore } from '../../store/runsStore';
import { AccuracyChart } from './AccuracyChart';
import { DeltaChart } from './DeltaChart';
import { ResultsTable } from './ResultsTable';
import { ProblemSource } from './ProblemSource';
import { useRef } from 'react';
import { downloadSvgAsPng } from '../export/exportPng';

export function RunPanel() {
  const ready = useModelStore((s) => s.status === 'ready');
  const { problems, status, error, done, total, baseline, pruned, prunedHeads, run, cancel } = useRunsStore();
  const running = status === 'running';
  const chartsRef = useRef<HTMLDivElement>(null);
  const exportCharts = async () => {
    const svgs = chartsRef.current?.querySelectorAll<SVGSVGElement>('figure svg.recharts-surface') ?? [];
    for (const [i, svg] of [...svgs].entries()) await downloadSvgAsPng(svg, i === 0 ? 'headlab-accuracy.png' : 'headlab-deltas.png');
  };

  return (
    <section className="panel" aria-labelledby="runs-heading">
      <h2 id="runs-heading">Compare on a problem set</h2>
      <ProblemSource />
      <div className="buttons">
        <button type="button" disabled={!ready || running} onClick={() => void run()}>
          Run comparison
        </button>
        <button type="button" disabled={!running} onClick={cancel}>
          Cancel
        </button>
      </div>
      <p className="meta">The comparison runs the {problems.length} problems with no heads pruned, then with the heads pruned in the grid.</p>
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
          <div className="charts" ref={chartsRef}>
            <AccuracyChart baseline={baseline} pruned={pruned} />
            <DeltaChart baseline={baseline} pruned={pruned} />
          </div>
          <button type="button" onClick={() => void exportCharts()}>
            Export charts as PNG
          </button>
        </>
      )}
      <ResultsTable problems={problems} baseline={baseline} pruned={pruned} running={running} />
    </section>
  );
}
