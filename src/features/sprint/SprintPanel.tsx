/**
 * SPRINT: train the contrastive head selector on the current sweep, watch
 * its loss, and rank which single head to prune for the question above.
 */
import { useBusyWith } from '../../store/busy';
import { useState } from 'react';
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from 'recharts';
import { useHeadsStore } from '../../store/headsStore';
import { useSolveStore } from '../../store/solveStore';
import { useSprintStore } from '../../store/sprintStore';
import { useSweepStore } from '../../store/sweepStore';
import { useModelStore } from '../../store/modelStore';
import { downloadText } from '../export/downloadText';
import { SprintEvaluation } from './SprintEvaluation';
import { TopNAnswers } from './TopNAnswers';
import { RankedPicks } from './RankedPicks';
import { SprintSizes } from './SprintSizes';
import { TrainSettingsForm } from './TrainSettingsForm';
import { SelectorSummary } from './SelectorSummary';
import { SavedSelectors } from './SavedSelectors';
import { MINILM_ID, type SelectorEncoder } from '../../engine/sprint/selectorFormat';

export function SprintPanel() {
  const file = useSweepStore((s) => s.file);
  const sweepDone = useSweepStore((s) => s.status === 'done');
  const question = useSolveStore((s) => s.question);
  const setPruned = useHeadsStore((s) => s.setPruned);
  const info = useModelStore((s) => s.info);
  const { selector, source, download, status, error, losses, ranked, none, rankedFor, picks, picksFor, picksTruncated, train, rank, runTopN, importJson, discard } = useSprintStore();
  const [n, setN] = useState(4);
  const [encoder, setEncoder] = useState<SelectorEncoder>('mean-final-hidden');
  const epochs = useSprintStore((s) => s.settings.epochs);
  const [reference, setReference] = useState('');
  // Any running job (its own or another panel's) keeps these buttons waiting.
  const busy = useBusyWith() !== undefined;

  const onImport = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    input.value = '';
    if (chosen && info) importJson(chosen.name, await chosen.text(), info);
  };

  return (
    <section className="panel" aria-labelledby="sprint-heading">
      <h2 id="sprint-heading">SPRINT head selector</h2>
      <p className="meta">
        A small network learns, from the finished sweep, which single head to prune for a question, or whether to prune nothing (arXiv
        2506.03978, changed as docs/results.md explains). It trains on the first 80% of the sweep&apos;s problems, holding a fifth of those back to
        calibrate its chances and to choose how far to trust its per-question picks over one fixed head order; the rest of the sweep stays
        held out for evaluation. To tell methods apart it needs hundreds of questions: sweep at least 500. Questions are embedded with the model&apos;s own mean final hidden state, or, as in the
        original work, with MiniLM sentence embeddings when the Hub can be reached. A bundled model can come with a selector trained on its own
        sweep, so a question can be ranked at once; one you train or import here takes its place until you forget it. Every selector trained or imported
        here is kept in this browser under what it was trained on, and listed, so you can use an earlier one again.
      </p>
      <SprintSizes disabled={busy} />
      <div className="buttons">
        <label>
          Question encoder{' '}
          <select value={encoder} onChange={(e) => setEncoder(e.target.value as SelectorEncoder)} disabled={busy}>
            <option value="mean-final-hidden">the model&apos;s own hidden state (offline)</option>
            <option value="minilm" title={`downloads ${MINILM_ID} from the Hub`}>
              all-MiniLM-L6-v2 (downloads from the Hub)
            </option>
          </select>
        </label>
        <button type="button" disabled={!file || !sweepDone || busy} onClick={() => file && void train(file, encoder)}>
          Train selector on the sweep
        </button>
        <button type="button" disabled={!selector || busy || !question.trim()} aria-describedby="rank-why" onClick={() => void rank(question)}>
          Rank heads for the question
        </button>
        {(!selector || !question.trim()) && (
          <span id="rank-why" className="meta" data-testid="rank-why">
            {!selector ? 'Train or import a selector to rank heads.' : 'Type a question in the Question box at the top of the page to rank heads for it.'}
          </span>
        )}
        <button type="button" disabled={!selector} onClick={() => selector && downloadText('headlab-selector.json', JSON.stringify(selector), 'application/json')}>
          Export selector JSON
        </button>
        <label>
          Import selector JSON{' '}
          <input type="file" accept=".json,application/json" disabled={!info || busy} onChange={(e) => void onImport(e.target)} />
        </label>
        <button type="button" disabled={!selector || source?.kind === 'shipped' || busy} title="Forget the selector in use; the saved one used before it, else the shipped one, takes its place" onClick={() => void discard()}>
          Forget selector
        </button>
      </div>
      <TrainSettingsForm disabled={busy} />
      <SelectorSummary />
      <SavedSelectors disabled={busy} />
      {status === 'training' && (
        <p role="status">
          {download ? (
            `Downloading the encoder: ${download.file ?? ''} ${download.progress === undefined ? download.status : `${download.progress.toFixed(0)}%`}`
          ) : (
            <>
              <progress aria-label="Selector training" max={epochs} value={losses.length} /> epoch {losses.length} of {epochs}
            </>
          )}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {losses.length > 1 && (
        <figure className="chart" aria-label="Selector training loss by epoch">
          <LineChart width={320} height={160} data={losses.map((loss, epoch) => ({ epoch, loss }))}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="epoch" />
            <YAxis width={40} />
            <Line dataKey="loss" stroke="#2166ac" dot={false} isAnimationActive={false} />
          </LineChart>
          <figcaption data-testid="sprint-loss">
            loss {losses[0].toFixed(3)} → {losses.at(-1)!.toFixed(3)}
            {selector ? `; trained on ${selector.trainIds.length} questions` : ''}
          </figcaption>
        </figure>
      )}
      {ranked && (
        <div className="buttons">
          <label>
            N <input type="number" min={1} max={16} value={n} onChange={(e) => setN(Math.min(16, Math.max(1, Number(e.target.value) || 1)))} />
          </label>
          <label>
            Reference answer (optional) <input type="text" value={reference} onChange={(e) => setReference(e.target.value)} size={8} />
          </label>
          <button type="button" disabled={busy} onClick={() => void runTopN(question, n, reference)}>
            Run top-N
          </button>
          <span className="meta">
            answers the question once per pick, in the order below (nothing pruned where the list places it)
            {rankedFor !== question ? '; the question has changed, so it is ranked again first' : ''}
          </span>
        </div>
      )}
      {picks && picksFor !== undefined && <TopNAnswers picks={picks} question={picksFor} stale={picksFor !== question} truncated={picksTruncated ?? []} />}
      {ranked && none && selector && rankedFor !== undefined && (
        <RankedPicks ranking={{ heads: ranked, none }} selector={selector} rankedFor={rankedFor} stale={rankedFor !== question} onPrune={(h) => setPruned([h])} />
      )}
      {selector && <SprintEvaluation selector={selector} />}
    </section>
  );
}
