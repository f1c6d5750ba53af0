/**
 * SPRINT's recommendation for the question ranked last, in the order "Run
 * top-N" tries them: each pick's estimated chance of a right answer (no
 * more certain than the calibration supports), the unpruned model as its
 * own row, a headline that is the list's first row, and plain sentences
 * for what the reader must know: the order is the fixed fallback, the
 * selector saw few questions, or the question has changed since.
 */
import { topPicks, type HeadRanking, type SprintSelector } from '../../engine/sprint/selectorFormat';
import { MARKED_PICKS } from '../heads/Heatmap';
import { chanceBounds, chanceText, FEW_TRAINING_QUESTIONS, headlineText, lowPickReason, usesFixedOrder } from './pickReport';

interface Props {
  ranking: HeadRanking;
  selector: SprintSelector;
  /** The question the ranking is for; when it differs from the Question box the ranking is marked out of date. */
  rankedFor: string;
  stale: boolean;
  onPrune(head: [number, number]): void;
}

export function RankedPicks({ ranking, selector, rankedFor, stale, onPrune }: Props) {
  const bounds = chanceBounds(selector);
  const what = selector.labels === 'answer' ? 'a right answer' : 'a likelier reference solution than without pruning';
  const trained = selector.trainIds.length;
  // The first MARKED_PICKS heads (the grid's numbered marks) with "nothing pruned" in its place, or after them when it comes later.
  const rows = topPicks(ranking, MARKED_PICKS + 1);
  if (ranking.none.position > MARKED_PICKS) rows.splice(MARKED_PICKS, 1, null);
  return (
    <div data-testid="sprint-picks" className={stale ? 'stale' : undefined}>
      {stale && (
        <p role="status" className="warning" data-testid="picks-stale">
          Out of date: these picks are for an earlier question (&ldquo;{rankedFor.length > 80 ? `${rankedFor.slice(0, 80)}…` : rankedFor}&rdquo;), not the one in
          the Question box now. Rank again; &quot;Run top-N&quot; ranks the new question first.
        </p>
      )}
      <p className={trained < FEW_TRAINING_QUESTIONS ? 'warning' : 'meta'} data-testid="picks-trained-on">
        This selector was trained on {trained} questions and calibrated on {bounds.validation} of them it held back, so no chance below is shown
        nearer 0 or 100% than {chanceText(bounds.lo, { ...bounds, lo: 0, hi: 1 })}.
        {trained < FEW_TRAINING_QUESTIONS && ` That is too few for these picks and chances to mean much: sweep at least 500 problems and train again.`}
      </p>
      {usesFixedOrder(selector) && (
        <p className="meta" data-testid="picks-fixed-order">
          This order is the same for every question. On the questions it held back, the selector&apos;s per-question scores did not beat one fixed
          order (the heads that, in turn, were right most often on the training questions the earlier ones got wrong), so it uses that order; only
          the chances change with the question.
        </p>
      )}
      <p className="meta">
        Each percentage is the selector&apos;s estimated chance of {what} with that pick. The order is the one &quot;Run top-N&quot; uses: each pick
        is chosen to cover the likely misses of the picks before it, so it is not sorted by chance.
      </p>
      <p role="status" data-testid="sprint-verdict">
        {headlineText(rows[0], ranking, bounds)}
      </p>
      <table className="results" aria-label="SPRINT's picks for the question">
        <thead>
          <tr>
            <th scope="col">Try</th>
            <th scope="col">Pick</th>
            <th scope="col">Estimated chance</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((h, i) =>
            h === null ? (
              <tr key="none" data-testid="no-prune-row">
                <td>{ranking.none.position + 1}</td>
                <td>nothing pruned</td>
                <td>{chanceText(ranking.none.score, bounds)}</td>
                <td />
              </tr>
            ) : (
              <tr key={`${h.layer}.${h.head}`}>
                <td>{i + 1}</td>
                <td>
                  layer {h.layer} head {h.head} <span className="meta">(grid mark {ranking.heads.indexOf(h) + 1})</span>
                </td>
                <td>
                  {chanceText(h.score, bounds)}
                  {lowPickReason(h, bounds) && <span className="meta">: {lowPickReason(h, bounds)}</span>}
                </td>
                <td>
                  <button type="button" onClick={() => onPrune([h.layer, h.head])}>
                    Prune only this head
                  </button>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
