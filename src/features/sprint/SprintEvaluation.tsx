/**
 * SPRINT against its baselines on held-out questions: accuracy against N
 * for greedy, sampling, random-head, fixed-order and SPRINT best-of-N, by
 * pass@N and by majority vote, SPRINT paired against each baseline, and
 * per-problem differences. Warns when too few questions could tell the
 * methods apart, and estimates the run's time before it starts. Finished
 * evaluations are kept in this browser and listed, to reopen.
 */
import { useBusyWith } from '../../store/busy';
import { useRef, useState } from 'react';
import { BASELINES, type ComparisonReport, type Method } from '../../engine/sprint/compareMethods';
import type { SprintSelector } from '../../engine/sprint/selectorFormat';
import { heldOutFor, useSprintEvalStore } from '../../store/sprintEvalStore';
import { useSweepStore } from '../../store/sweepStore';
import { useRunsStore } from '../../store/runsStore';
import { downloadText } from '../export/downloadText';
import { downloadFiguresAsPng } from '../export/exportPng';
import { BestOfNChart, METHOD_LABELS } from './BestOfNChart';
import { MethodDeltaChart } from './MethodDeltaChart';
import { PairedTable } from './PairedTable';
import { FamilyTable } from './FamilyTable';
import { comparisonToCsv } from '../../engine/sprint/comparisonCsv';
import { evaluationEstimate, FEW_PROBLEMS } from './evaluationEstimate';
import { useSprintStore } from '../../store/sprintStore';
import { SavedEvaluations, selectorWords, ShownEvaluationNote } from './SavedEvaluations';

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

const shownNs = (report: ComparisonReport) => report.ns.filter((n) => [1, 4, 8, 16].includes(n) || n === report.ns.at(-1));

function SummaryTable({ report }: { report: ComparisonReport }) {
  const shown = shownNs(report);
  return (
    <table className="results" data-testid="sprint-eval-table">
      <caption>pass@N and majority vote on {report.problems.length} held-out problems, with bootstrap 95% intervals</caption>
      <thead>
        <tr>
          <th scope="col">Method</th>
          {shown.map((n) => (
            <th key={n} scope="col">N = {n}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {report.methods.map((m) => (
          <tr key={m.method}>
            <th scope="row">{METHOD_LABELS[m.method]}</th>
            {shown.map((n) => {
              const p = m.points[report.ns.indexOf(n)];
              return (
                <td key={n}>
                  pass {pct(p.passAtN.mean)} ({pct(p.passAtN.low)}–{pct(p.passAtN.high)}); majority {pct(p.majority.mean)} ({pct(p.majority.low)}–{pct(p.majority.high)})
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SprintEvaluation({ selector }: { selector: SprintSelector }) {
  const sweepProblems = useSweepStore((s) => s.file?.problems);
  const loadedProblems = useRunsStore((s) => s.problems);
  const maxNewTokens = useSweepStore((s) => s.file?.maxNewTokens ?? 64);
  const { status, error, done, total, report, shown, run, cancel, rate, skipped } = useSprintEvalStore();
  const selectorId = useSprintStore((s) => s.selectorId);
  const selectorSource = useSprintStore((s) => s.source);
  const sweepRate = useSweepStore((s) => s.rate);
  const blocked = useBusyWith() !== undefined;
  // A shipped or imported selector may come with no sweep here: then the loaded problem set is the only source.
  const [chosen, setSource] = useState<'sweep' | 'loaded'>();
  const source = chosen ?? (sweepProblems ? 'sweep' : 'loaded');
  const [maxN, setMaxN] = useState(8);
  const [against, setAgainst] = useState<Method>('fixed');
  const charts = useRef<HTMLDivElement>(null);
  const problems = heldOutFor(selector, (source === 'sweep' ? sweepProblems : loadedProblems) ?? []);
  const running = status === 'running';

  // All three charts in one file under a title naming the data: browsers may block a burst of downloads, and the image stands on its own.
  const exportPngs = async () => {
    const figures = [...(charts.current?.querySelectorAll<HTMLElement>('figure.chart') ?? [])];
    const trainedOn = shown ? shown.selectorText : `trained on ${selector.trainIds.length} questions`;
    const title = `HeadLab SPRINT evaluation: ${report?.problems.length ?? 0} held-out problems, N up to ${report?.ns.at(-1) ?? 0}; selector ${trainedOn}`;
    await downloadFiguresAsPng(figures, 'headlab-sprint-charts.png', title);
  };

  return (
    <section aria-labelledby="sprint-eval-heading">
      <h3 id="sprint-eval-heading">Evaluate on held-out questions</h3>
      <div className="buttons">
        <label>
          Questions{' '}
          <select value={source} onChange={(e) => setSource(e.target.value as 'sweep' | 'loaded')} disabled={running}>
            <option value="sweep">the sweep&apos;s held-out problems</option>
            <option value="loaded">the loaded problem set</option>
          </select>
        </label>
        <label>
          Up to N <input type="number" min={1} max={16} value={maxN} disabled={running} onChange={(e) => setMaxN(Math.min(16, Math.max(1, Number(e.target.value) || 1)))} />
        </label>
        <button
          type="button"
          disabled={running || blocked || problems.length === 0 || !selectorId}
          onClick={() => selectorId && void run(selector, problems, maxN, maxNewTokens, { selectorId, selectorText: selectorWords(selector, selectorSource), source })}
        >
          Compare five methods on {problems.length} held-out problems
        </button>
        {running && (
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        )}
      </div>
      <p className="meta" data-testid="eval-estimate">
        Training questions are left out ({selector.trainIds.length}). {evaluationEstimate(problems.length, maxN, sweepRate)}
      </p>
      {problems.length > 0 && problems.length < FEW_PROBLEMS && (
        <p role="note" className="warning" data-testid="few-problems">
          Only {problems.length} held-out problems: every interval will be wide (with 4 problems, one answer moves accuracy by 25 points), so this
          run cannot tell the methods apart. For a real comparison, load {FEW_PROBLEMS * 3} or more problems of another seed in the comparison panel and
          choose &quot;the loaded problem set&quot;.
        </p>
      )}
      {problems.length === 0 && (
        <p role="status" data-testid="no-held-out">
          {source === 'loaded'
            ? 'Every loaded problem trained the selector. '
            : sweepProblems
              ? 'The sweep has no problems the selector did not train on here. '
              : 'No sweep has run here. '}
          Load another problem set in the comparison panel (say, another seed) and choose &quot;the loaded problem set&quot;.
        </p>
      )}
      {running && (
        <p role="status">
          <progress max={total} value={done} /> {done} of {total} problems
          {rate && done > 0 && done < total ? `, about ${Math.ceil((total - done) / rate)} s left` : ''}
        </p>
      )}
      {skipped && (
        <p className="warning" data-testid="evaluation-skipped">
          {skipped}
        </p>
      )}
      {status === 'cancelled' && <p role="status">Cancelled.</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <SavedEvaluations />
      {report && (
        <div ref={charts}>
          {shown && <ShownEvaluationNote shown={shown} selectorId={selectorId} />}
          <SummaryTable report={report} />
          <PairedTable report={report} shown={shownNs(report)} />
          <FamilyTable report={report} />
          <div className="charts">
            <BestOfNChart report={report} metric="passAtN" />
            <BestOfNChart report={report} metric="majority" />
          </div>
          <label>
            Per problem, SPRINT against{' '}
            <select value={against} onChange={(e) => setAgainst(e.target.value as Method)}>
              {BASELINES.map((m) => (
                <option key={m} value={m}>
                  {METHOD_LABELS[m]}
                </option>
              ))}
            </select>
          </label>
          <MethodDeltaChart report={report} against={against} n={report.ns.at(-1)!} />
          <div className="buttons">
            <button type="button" onClick={() => downloadText('headlab-sprint-eval.json', JSON.stringify(report), 'application/json')}>
              Export results JSON
            </button>
            <button type="button" onClick={() => downloadText('headlab-sprint-eval.csv', comparisonToCsv(report), 'text/csv')}>
              Export per-problem CSV
            </button>
            <button type="button" onClick={() => void exportPngs()}>
              Export charts PNG
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
