/**
 * The grid coloured by one question run under every head: blue where
 * pruning the head alone fixes the answer, red where it breaks it, amber
 * where it changes the answer without changing right or wrong, white where
 * it leaves it alone. Marks repeat the colour as a sign, for readers who do
 * not tell the colours apart. Where SPRINT ranked this same question, its
 * estimated chance sits beside each head's real outcome.
 */
import type { EveryHeadReport, HeadOutcome } from '../../engine/sweep/everyHead';
import type { RankedHead } from '../../engine/sprint/selectorFormat';
import type { HeatCell } from './HeadCell';
import { heatColour } from './heatColour';

export const OUTCOME_STYLE: Record<HeadOutcome, { colour: string; mark?: string; words: string }> = {
  fixes: { colour: heatColour(1, 1), mark: '+', words: 'fixes the answer' },
  breaks: { colour: heatColour(-1, 1), mark: '−', words: 'breaks the answer' },
  changes: { colour: '#f2c14e', mark: '~', words: 'changes the answer' },
  same: { colour: '#ffffff', words: 'leaves the answer alone' },
};

const shown = (a: { predicted: string | null; correct: boolean }, graded: boolean) =>
  `${a.predicted ?? 'no answer'}${graded ? (a.correct ? ' (right)' : ' (wrong)') : ''}`;

/** SPRINT's chance and pick for each head, layer-major, when `ranked` was for this question. */
export function sprintBeside(ranked: RankedHead[] | undefined, rankedFor: string | undefined, question: string, numHeads: number): ({ chance: number; pick: number } | undefined)[] {
  if (!ranked || rankedFor?.trim() !== question.trim()) return [];
  const out: ({ chance: number; pick: number } | undefined)[] = [];
  ranked.forEach((r, i) => (out[r.layer * numHeads + r.head] = { chance: r.score, pick: i + 1 }));
  return out;
}

/**
 * One cell per head, layer-major.
 * @param chance a SPRINT chance in words (pickReport's chanceText, bounded by the selector's calibration)
 */
export function questionCells(report: EveryHeadReport, numHeads: number, sprint: ReturnType<typeof sprintBeside>, chance: (p: number) => string): HeatCell[] {
  const graded = report.reference.trim() !== '';
  return report.heads.map((h) => {
    const style = OUTCOME_STYLE[h.outcome];
    const guess = sprint[h.layer * numHeads + h.head];
    const beside = guess ? ` SPRINT's estimated chance ${chance(guess.chance)}, pick ${guess.pick}.` : '';
    return {
      colour: style.colour,
      mark: style.mark,
      title: `layer ${h.layer} head ${h.head} pruned: ${shown(h, graded)}; it ${style.words} (unpruned: ${shown(report.unpruned, graded)}).${beside}`,
    };
  });
}

/** How many heads had each outcome. */
export function outcomeCounts(report: EveryHeadReport): Record<HeadOutcome, number> {
  const counts: Record<HeadOutcome, number> = { fixes: 0, breaks: 0, changes: 0, same: 0 };
  for (const h of report.heads) counts[h.outcome]++;
  return counts;
}
