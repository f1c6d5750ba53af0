/**
 * "This question under every head" as CSV: one row per head pruned alone,
 * with its answer, whether it is right, what it did to the unpruned
 * answer, and SPRINT's estimated chance and pick where it ranked this
 * question (empty otherwise).
 */
import type { EveryHeadReport } from '../sweep/everyHead';
import { csvText } from './csvText';

export const EVERY_HEAD_CSV_HEADER = 'layer,head,predicted,correct,tokens,outcome,unpruned_predicted,unpruned_correct,sprint_chance,sprint_pick';

/** @param sprint per head, layer-major, SPRINT's chance (0..1) and pick; empty when it ranked another question */
export function everyHeadCsv(report: EveryHeadReport, numHeads: number, sprint: ({ chance: number; pick: number } | undefined)[]): string {
  const graded = report.reference.trim() !== '';
  const right = (correct: boolean) => (graded ? String(correct) : '');
  const rows = report.heads.map((h) => {
    const guess = sprint[h.layer * numHeads + h.head];
    return [
      h.layer, h.head, csvText(h.predicted ?? ''), right(h.correct), h.tokens, h.outcome,
      csvText(report.unpruned.predicted ?? ''), right(report.unpruned.correct), guess ? guess.chance.toFixed(4) : '', guess ? guess.pick : '',
    ].join(',');
  });
  return [EVERY_HEAD_CSV_HEADER, ...rows].join('\n') + '\n';
}
