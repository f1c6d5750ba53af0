/**
 * "This question under every head": runs the typed question with nothing
 * pruned and with each head pruned alone, colours the grid by what each
 * pruning did, and says how many heads fixed, broke, changed or left the
 * answer. An expected answer, when given, grades them.
 */
import { useState } from 'react';
import { useCanStart } from '../../store/busy';
import { useEveryHeadStore } from '../../store/everyHeadStore';
import { useSprintStore } from '../../store/sprintStore';
import { chanceOf } from '../sprint/pickReport';
import { useHeadsStore } from '../../store/headsStore';
import { OUTCOME_STYLE, outcomeCounts, sprintBeside } from '../heads/questionHeat';
import { everyHeadCsv } from '../../engine/export/everyHeadCsv';
import { downloadText } from '../export/downloadText';

export function EveryHeadControls({ question, maxNewTokens }: { question: string; maxNewTokens: number }) {
  const ready = useCanStart();
  const [reference, setReference] = useState('');
  const { status, report, truncated, error, run, cancel } = useEveryHeadStore();
  const numHeads = useHeadsStore((s) => s.numHeads);
  const ranked = useSprintStore((s) => s.ranked);
  const rankedFor = useSprintStore((s) => s.rankedFor);
  const selector = useSprintStore((s) => s.selector);
  const running = status === 'running';
  const counts = report && outcomeCounts(report);
  const graded = !!report?.reference.trim();
  const stale = report && report.question.trim() !== question.trim();
  const sprint = report ? sprintBeside(ranked, rankedFor, report.question, numHeads) : [];
  const first = ranked?.[0];
  const firstOutcome = first && sprint.length ? report?.heads[first.layer * numHeads + first.head] : undefined;
  const exportCsv = () => report && downloadText('headlab-every-head.csv', everyHeadCsv(report, numHeads, sprint), 'text/csv');

  return (
    <div className="every-head">
      <label htmlFor="every-head-reference">Expected answer (optional, to tell fixes from breaks)</label>
      <input id="every-head-reference" type="text" value={reference} onChange={(e) => setReference(e.target.value)} />
      <div className="buttons">
        <button type="button" disabled={!ready || running || !question.trim()} onClick={() => void run(question, reference, maxNewTokens)}>
          This question under every head
        </button>
        <button type="button" disabled={!running} onClick={cancel}>
          Cancel every-head run
        </button>
      </div>
      {running && <p role="status">Running the question unpruned and under each head pruned alone…</p>}
      {status === 'cancelled' && <p role="status">Every-head run cancelled.</p>}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {report && counts && (
        <p className="meta" data-testid="every-head-summary">
          {stale && <strong>This is for an earlier question. </strong>}
          {truncated.length > 0 && <strong data-testid="every-head-truncated">Every answer here ran with {truncated.join(', ')} truncated. </strong>}
          Unpruned answer: {report.unpruned.predicted ?? 'none'}
          {graded ? (report.unpruned.correct ? ' (right)' : ' (wrong)') : ''}. Of {report.heads.length} heads pruned alone,{' '}
          {graded ? `${counts.fixes} fix it, ${counts.breaks} break it, ` : ''}
          {counts.changes} change the answer{graded ? ' without changing right or wrong' : ''} and {counts.same} leave it alone ({report.seconds.toFixed(1)} s). The grid is
          coloured by it.{' '}
          {first && firstOutcome && (
            <span data-testid="every-head-sprint">
              SPRINT&apos;s first pick for this question, layer {first.layer} head {first.head} (estimated chance {chanceOf(selector)(first.score)}), {OUTCOME_STYLE[firstOutcome.outcome].words}.{' '}
            </span>
          )}
          <button type="button" onClick={exportCsv}>
            Export every-head CSV
          </button>
        </p>
      )}
    </div>
  );
}
