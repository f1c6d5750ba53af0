/** Run a problem set with nothing pruned and with the grid's pruning, and compare. */
import { useCanStart } from '../../store/busy';
import { useModelStore } from '../../store/modelStore';
import { BusyNote } from '../busy/BusyNote';
import { useRunsStore } from '../../store/runsStore';
import { AccuracyChart } from './AccuracyChart';
import { DeltaChart } from './DeltaChart';
import { ResultsTable } from './ResultsTable';
import { ProblemSource } from './ProblemSource';
import { useRef } from 'react';
import { downloadFiguresAsPng } from '../export/exportPng';
import { downloadText } from '../export/downloadText';
import { comparisonProblemsCsv } from '../../engine/runs/problemsCsv';
import { ComparisonProgress } from './ComparisonProgress';
import { comparisonEstimate } from './problemFit';
import { useSweepStore } from '../../store/sweepStore';

export function RunPanel() {
  const ready = useCanStart();
  const modelName = useModelStore((s) => s.info?.name);
  const { problems, status, error, done, total, baseline, pruned, prunedHeads, ranOn, ranProblems, skipped, answersPerSecond, run, cancel } = useRunsStore();
  const sweepRate = useSweepStore((s) => s.rate);
  const running = status === 'running';
  const chartsRef = useRef<HTMLDivElement>(null);
  const prunedList = prunedHeads.length ? prunedHeads.map(([l, h]) => `${l}.${h}`).join(', ') : 'none';
  // Both charts in one file, under a title naming the data they came from, so the image stands on its own.
  const exportCharts = async () => {
    const figures = [...(chartsRef.current?.querySelectorAll<HTMLElement>(':scope > figure') ?? [])];
    const title = `HeadLab comparison: ${ranOn?.problems} on ${ranOn?.model}; pruned heads (layer.head): ${prunedList}`;
    await downloadFiguresAsPng(figures, 'headlab-comparison.png', title);
  };

  return (
    <section className="panel" aria-labelledby="runs-heading">
      <h2 id="runs-heading">Compare on a problem set</h2>
      <ProblemSource />
      <div className="buttons">
        <button type="button" disabled={!ready || running} onClick={() => void run(modelName)}>
          Run comparison
        </button>
        <button type="button" disabled={!running} onClick={cancel}>
          Cancel
        </button>
      </div>
      <p className="meta" data-testid="comparison-estimate">
        The comparison runs the {problems.length} problems with no heads pruned, then with the heads pruned in the grid:{' '}
        {comparisonEstimate(problems.length, answersPerSecond ? { perSecond: answersPerSecond, on: 'its last comparison' } : sweepRate ? { perSecond: sweepRate, on: 'its sweep' } : undefined)}
      </p>
      <BusyNote own="the comparison" />
      {skipped && (
        <p className="warning" data-testid="comparison-skipped">
          {skipped}
        </p>
      )}
      {running && <ComparisonProgress done={done} total={total} />}
      {status === 'cancelled' && <p>Cancelled.</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {baseline && pruned && (
        <>
          <p data-testid="run-summary">
            Results for {ranOn?.problems} on {ranOn?.model}. Pruned: {prunedList}.
          </p>
          <div className="charts" ref={chartsRef}>
            <AccuracyChart baseline={baseline} pruned={pruned} />
            <DeltaChart baseline={baseline} pruned={pruned} />
          </div>
          <div className="buttons">
            <button type="button" onClick={() => void exportCharts()}>
              Export charts as PNG
            </button>
            <button type="button" onClick={() => downloadText('headlab-comparison.csv', comparisonProblemsCsv(ranProblems ?? problems, baseline, pruned), 'text/csv')}>
              Export per-problem results as CSV
            </button>
          </div>
        </>
      )}
      <div className="table-scroll">
        <ResultsTable problems={ranProblems ?? problems} baseline={baseline} pruned={pruned} running={running} />
      </div>
    </section>
  );
}
