/**
 * The greedy read of one verification chunk (model/verifiedGenerate): every
 * row at once on the decoder's session, or, where the decoder has layer
 * skipping, each row from its first pruned layer up (model/layerSkip), with
 * the unpruned residual streams read once per distinct sequence.
 */
import type { DecoderSession } from './decoderSession';
import type { GreedyRead } from './greedyRead';
import { rowsOf } from './lengthGroups';

export interface ReadChunk {
  /** [batch, width] left-padded ids, mask and positions. */
  ids: BigInt64Array;
  mask: BigInt64Array;
  pos: BigInt64Array;
  batch: number;
  /** [batch, layers, heads] */
  headMask?: Float32Array;
  /** Per row, which distinct sequence it holds (rows of one problem share one). */
  sequence: number[];
  /** Read only the last `keep` positions (the LM head runs there alone, on sessions that can); all when absent. */
  keep?: number;
}

/** The first layer with a pruned head in each row of a [batch, layers, heads] mask; layers when none is. */
export function firstPrunedLayers(headMask: Float32Array | undefined, batch: number, numLayers: number, numHeads: number): number[] {
  return Array.from({ length: batch }, (_, r) => {
    for (let l = 0; l < numLayers; l++) {
      for (let h = 0; h < numHeads; h++) if (headMask && headMask[(r * numLayers + l) * numHeads + h] !== 1) return l;
    }
    return numLayers;
  });
}

/**
 * [batch, K] argmax tokens and margins of the chunk's last K positions (K = chunk.keep on a session
 * with the LM-head cut, else the width), as one full greedyRead gives them.
 */
export async function readChunk(decoder: DecoderSession, chunk: ReadChunk): Promise<GreedyRead> {
  const { ids, mask, pos, batch, headMask } = chunk;
  const skip = decoder.layerSkip;
  const width = ids.length / batch;
  const logitsToKeep = decoder.hasLogitsToKeep ? Math.min(chunk.keep ?? width, width) : undefined;
  const full = (rows: number[]) =>
    decoder.greedyRead({
      inputIds: rowsOf(ids, rows, width), attentionMask: rowsOf(mask, rows, width), positionIds: rowsOf(pos, rows, width),
      batch: rows.length, past: decoder.emptyPast(rows.length), headMask: headMask && rowsOf(headMask, rows, perRow), noCache: true, logitsToKeep,
    });
  const { numLayers, numHeads } = decoder.spec;
  const perRow = numLayers * numHeads;
  const all = Array.from({ length: batch }, (_, r) => r);
  if (!skip) return full(all);

  const first = firstPrunedLayers(headMask, batch, numLayers, numHeads);
  const representatives = [...new Set(chunk.sequence)].map((s) => chunk.sequence.indexOf(s));
  const slot = new Map(representatives.map((r, i) => [chunk.sequence[r], i]));
  const streams = await skip.residuals(decoder, {
    inputIds: rowsOf(ids, representatives, width), attentionMask: rowsOf(mask, representatives, width), positionIds: rowsOf(pos, representatives, width),
    batch: representatives.length, past: decoder.emptyPast(representatives.length), noCache: true, logitsToKeep: 1,
  });
  const kept = logitsToKeep || width;
  const tokens = new Int32Array(batch * kept);
  const margins = new Float32Array(batch * kept);
  for (let layer = 0; layer < numLayers; layer++) {
    const rows = all.filter((r) => Math.min(first[r], numLayers - 1) === layer);
    if (rows.length === 0) continue;
    let read: GreedyRead;
    if (layer === 0) read = await full(rows);
    else {
      const size = streams[layer].length / representatives.length;
      const stream = new Float32Array(rows.length * size);
      rows.forEach((r, i) => stream.set(streams[layer].subarray(slot.get(chunk.sequence[r])! * size, (slot.get(chunk.sequence[r])! + 1) * size), i * size));
      read = await skip.readFrom(decoder, layer, stream, {
        inputIds: rowsOf(ids, rows, width), attentionMask: rowsOf(mask, rows, width), positionIds: rowsOf(pos, rows, width),
        batch: rows.length, past: decoder.emptyPast(rows.length), headMask: headMask && rowsOf(headMask, rows, perRow), logitsToKeep,
      });
    }
    rows.forEach((r, i) => {
      tokens.set(read.tokens.subarray(i * kept, (i + 1) * kept), r * kept);
      margins.set(read.margins.subarray(i * kept, (i + 1) * kept), r * kept);
    });
  }
  return { tokens, margins };
}
