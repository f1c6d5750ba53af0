/**
 * Greedy answers for SPRINT's evaluation: for a block of problems, every
 * distinct pick (a head pruned, or nothing) of every method, decoded in one
 * call. Greedy decoding gives one answer per pruning, so each distinct pick
 * runs once; draft verification (verify/greedyDecoding) confirms most picks
 * against the unpruned answer, and pooling a block's rows lets the few that
 * leave it decode on together.
 */
import type { LoadedModel } from '../model/loadModel';
import { buildPromptIds } from '../model/prompt';
import { DEFAULT_DECODE, GREEDY_DECODING, type DecodeMode } from '../verify/greedyDecoding';
import { gradeAnswer } from '../grading/gradeAnswer';
import { maskFor, type HeadRef, type SweepProblem } from '../sweep/sweepSchema';
import type { Attempt } from './bestOfN';

/** A pick: a head pruned, or null for nothing pruned. */
export type Pick = HeadRef | null;

/** Problems whose greedy rows decode together in SPRINT's evaluation. */
export const PICK_BLOCK = 8;
/** Rows per verification pass and per batch decoding on. */
const CHUNK_ROWS = 32;

export interface GreedyPickSettings {
  maxNewTokens: number;
  signal?: AbortSignal;
  decode?: DecodeMode;
}

/**
 * @param lists per problem, several pick lists (one per method)
 * @returns per problem, per list, the graded answer of each pick
 */
export async function greedyPicks(model: LoadedModel, problems: SweepProblem[], lists: Pick[][][], settings: GreedyPickSettings): Promise<Attempt[][][]> {
  const { spec, tokenizer } = model;
  const key = (p: Pick) => (p ? `${p[0]}.${p[1]}` : 'none');
  const rows: { problem: number; pick: Pick }[] = [];
  const index = problems.map((_, i) => {
    const unique = new Map<string, number>();
    for (const p of lists[i].flat()) {
      if (unique.has(key(p))) continue;
      unique.set(key(p), rows.length);
      rows.push({ problem: i, pick: p });
    }
    return unique;
  });
  const prompts = problems.map((p) => buildPromptIds(tokenizer, p.question, spec, settings.maxNewTokens));
  const perRow = spec.numLayers * spec.numHeads;
  const headMask = new Float32Array(rows.length * perRow);
  rows.forEach((r, i) => headMask.set(maskFor(r.pick ? [r.pick] : [], spec.numLayers, spec.numHeads), i * perRow));
  const decode = GREEDY_DECODING[settings.decode ?? DEFAULT_DECODE];
  const out = await decode.run(model.decoder, rows.map((r) => prompts[r.problem]), { maxNewTokens: settings.maxNewTokens, headMask, signal: settings.signal, chunkRows: CHUNK_ROWS });
  const graded = out.map((ids, i) => {
    const g = gradeAnswer(tokenizer.decode(ids, { skip_special_tokens: true }), problems[rows[i].problem].reference);
    return { answer: g.predicted, correct: g.correct };
  });
  return lists.map((perProblem, i) => perProblem.map((list) => list.map((p) => graded[index[i].get(key(p))!])));
}
