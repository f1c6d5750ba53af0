/**
 * Cells of two sweeps of the same cells that differ in predicted, correct
 * or tokens, each with the logit margin where the answers part: the plain
 * answer is decoded again for that cell alone and read back teacher-forced
 * under the cell's mask; the first position whose argmax leaves it, or
 * else its closest call, gives the margin.
 */
import type { LoadedModel } from '../src/engine/model/loadModel';
import { generate, padPrompts } from '../src/engine/model/generate';
import { buildPromptIds } from '../src/engine/model/prompt';
import { maskFor, type SweepCell, type SweepFile } from '../src/engine/sweep/sweepSchema';

export interface CellDifference {
  config: number;
  problem: number;
  plain: Pick<SweepCell, 'predicted' | 'correct' | 'tokens'>;
  verified: Pick<SweepCell, 'predicted' | 'correct' | 'tokens'>;
  /** Index into the answer of the step read. */
  at: number;
  /** Top logit minus runner-up there. */
  margin: number;
}

const key = (c: SweepCell) => `${c.config}/${c.problem}`;
const shown = ({ predicted, correct, tokens }: SweepCell) => ({ predicted, correct, tokens });

/** The cells (`config/problem`) of `a` whose predicted, correct or tokens differ in `b`, or that `b` lacks: a check with no model. */
export function differingCells(a: SweepFile, b: SweepFile): string[] {
  const other = new Map(b.cells.map((c) => [key(c), JSON.stringify(shown(c))]));
  return a.cells.filter((c) => other.get(key(c)) !== JSON.stringify(shown(c))).map(key);
}

export async function cellDifferences(model: LoadedModel, plain: SweepFile, verified: SweepFile): Promise<CellDifference[]> {
  const other = new Map(verified.cells.map((c) => [key(c), c]));
  if (other.size !== plain.cells.length) throw new Error(`the sweeps hold ${plain.cells.length} and ${other.size} cells`);
  const out: CellDifference[] = [];
  for (const cell of plain.cells) {
    const twin = other.get(key(cell));
    if (!twin) throw new Error(`cell ${key(cell)} is missing from the verified sweep`);
    if (JSON.stringify(shown(cell)) === JSON.stringify(shown(twin))) continue;
    out.push({ config: cell.config, problem: cell.problem, plain: shown(cell), verified: shown(twin), ...(await marginOf(model, plain, cell)) });
  }
  return out;
}

async function marginOf(model: LoadedModel, file: SweepFile, cell: SweepCell): Promise<{ at: number; margin: number }> {
  const { spec, decoder } = model;
  const prompt = buildPromptIds(model.tokenizer, file.problems[cell.problem].question, spec, file.maxNewTokens);
  const headMask = maskFor(file.configs[cell.config], spec.numLayers, spec.numHeads);
  const [answer] = await generate(decoder, [prompt], { maxNewTokens: file.maxNewTokens, headMask });
  const { ids, mask, pos } = padPrompts([[...prompt, ...answer]], BigInt(spec.padTokenId));
  const read = await decoder.greedyRead({ inputIds: ids, attentionMask: mask, positionIds: pos, batch: 1, past: decoder.emptyPast(1), headMask, noCache: true });
  let closest = { at: 0, margin: Infinity };
  for (let k = 0; k < answer.length; k++) {
    const p = prompt.length - 1 + k;
    if (read.tokens[p] !== answer[k]) return { at: k, margin: read.margins[p] };
    if (read.margins[p] < closest.margin) closest = { at: k, margin: read.margins[p] };
  }
  return closest;
}
