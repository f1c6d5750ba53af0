/**
 * Decoding on from where a row left its draft (verify/verifiedGenerate):
 * each row's prompt and answer so far are read in one batched pass, then
 * decoded greedily as generate() would, until the end-of-sequence token or
 * the length limit.
 */
import type { DecoderSession } from '../model/decoderSession';
import { decodeFrom, padPrompts, type GenerateOptions } from '../model/generate';
import { HostKvCache } from '../model/kvCache';
import { groupByLength, rowsOf } from '../model/lengthGroups';

/** A row to decode on: its answer so far, ending with its own first token off the draft; grown in place. */
export interface Continuation {
  row: number;
  answer: number[];
}

/**
 * Grows each continuation's answer to where greedy decoding ends it.
 * @param prompts every row's prompt ids (continuations index into them)
 * @param options maxNewTokens bounds each whole answer; headMask is [rows, layers, heads] over all rows
 */
export async function continueRows(decoder: DecoderSession, prompts: number[][], continuing: Continuation[], options: Pick<GenerateOptions, 'maxNewTokens' | 'headMask' | 'signal'>): Promise<void> {
  if (continuing.length === 0) return;
  const { spec } = decoder;
  const perRow = spec.numLayers * spec.numHeads;
  const sequences = continuing.map((c) => [...prompts[c.row], ...c.answer]);
  // A session that cannot take left padding (fused GroupQueryAttention) reads each length apart.
  const groups = decoder.paddedBatches ? [continuing.map((_, i) => i)] : groupByLength(sequences.map((s) => s.length));
  for (const group of groups) {
    const { ids, mask, pos } = padPrompts(group.map((i) => sequences[i]), BigInt(spec.padTokenId));
    const width = ids.length / group.length;
    const cache = decoder.hasKvStep ? new HostKvCache(decoder.Tensor, 2 * spec.numLayers, group.length, spec.numKvHeads, spec.headDim, width + options.maxNewTokens, decoder.kvType) : undefined;
    const headMask = options.headMask && rowsOf(options.headMask, group.map((i) => continuing[i].row), perRow);
    await decodeFrom(
      decoder,
      { ids, mask, pos, nextPos: group.map((i) => sequences[i].length), out: group.map((i) => continuing[i].answer), cache },
      { maxNewTokens: options.maxNewTokens, headMask, signal: options.signal },
    );
  }
}
