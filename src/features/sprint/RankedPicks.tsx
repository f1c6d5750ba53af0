/**
 * SPRINT's recommendation for the question ranked last, in the order "Run
 * top-N" tries them: each pick's estimated chance of a right answer, the
 * unpruned model as its own row, and a plain sentence when no head is
 * expected to beat not pruning.
 */
import { topPicks, type HeadRanking, type SprintSelector } from '../../engine/sprint/selectorFormat';
import { MARKED_PICKS } from '../heads/Heatmap';

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

interface Props {
  ranking: HeadRanking;
  selector: SprintSelector;
  onPrune(head: [number, number]): void;
}

export function RankedPicks({ ranking, selector, onPrune }: Props) {
  const bestHead = ranking.heads.reduce((a, b) => (b.score > a.score ? b : a));
  const what = selector.labels === 'answer' ? 'a right answer' : 'a likelier reference solution than without pruning';
  // The first MARKED_PICKS heads (the grid's numbered marks) with "nothing pruned" in its place, or after them when it comes later.
  const rows = topPicks(ranking, MARKED_PICKS + 1);
  if (ranking.none.position > MARKED_PICKS) rows.splice(MARKED_PICKS, 1, null);
  return (
    <div data-testid="sprint-picks">
      <p className="meta">
        Each percentage is the selector&apos;s estimated chance of {what} with that pick, calibrated on training questions it held back. The order is
        the one &quot;Run top-N&quot; uses: each pick is chosen to cover the likely misses of the picks before it, so it is not sorted by chance.
      </p>
      <p role="status" data-testid="sprint-verdict">
        {/* Compared as shown: a lead that rounds away is no lead to a reader. */}
        {pct(bestHead.score) !== pct(ranking.none.score) && bestHead.score > ranking.none.score
          ? `Pruning layer ${bestHead.layer} head ${bestHead.head} is expected to do best on this question (${pct(bestHead.score)} against ${pct(ranking.none.score)} with nothing pruned).`
          : `No single head is expected to beat not pruning on this question: the unpruned model's estimated chance is ${pct(ranking.none.score)}, the best pick's ${pct(bestHead.score)}. Pruned picks are worth trying only as extra attempts.`}
      </p>
      <table className="results" aria-label="SPRINT's picks for the question">
        <thead>
          <tr>
            <th scope="col">Try</th>
            <th scope="col">Pick</th>
            <th scope="col">Estimated chance</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {rows.map((h, i) =>
            h === null ? (
              <tr key="none" data-testid="no-prune-row">
                <td>{ranking.none.position + 1}</td>
                <td>nothing pruned</td>
                <td>{pct(ranking.none.score)}</td>
                <td />
              </tr>
            ) : (
              <tr key={`${h.layer}.${h.head}`}>
                <td>{i + 1}</td>
                <td>
                  layer {h.layer} head {h.head} <span className="meta">(grid mark {ranking.heads.indexOf(h) + 1})</span>
                </td>
                <td>{pct(h.score)}</td>
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
