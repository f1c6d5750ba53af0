/**
 * The greedy read of one verification chunk (model/verifiedGenerate): every
 * row at once on the decoder's session, or, where the decoder has layer
 * skipping, each row from its first pruned layer up (model/layerSkip), with
 * the unpruned residual streams read once per distinct sequence: a
 * StreamCache keeps them across the chunks of one verification.
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
  /** Per row, the distinct sequence it holds (rows of one problem share one): its key in `streams`. */
  sequence: string[];
  /** The unpruned residual streams of sequences read before; a new one per verification when absent. */
  streams?: StreamCache;
  /** Read only the last `keep` positions (the LM head runs there alone, on sessions that can); all when absent. */
  keep?: number;
}

/** Per sequence, the residual stream entering each layer 1.. (index 0 empty): [seq, hidden] each, without padding. */
export type StreamCache = Map<string, Float32Array[]>;

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
  const cache = chunk.streams ?? new Map();
  await readStreams(decoder, chunk, all.filter((r) => first[r] > 0 && first[r] < numLayers), cache);
  const realLength = (r: number) => mask.subarray(r * width, (r + 1) * width).reduce((n, v) => n + Number(v), 0);
  const kept = logitsToKeep || width;
  const tokens = new Int32Array(batch * kept);
  const margins = new Float32Array(batch * kept);
  for (let layer = 0; layer < numLayers; layer++) {
    const rows = all.filter((r) => Math.min(first[r], numLayers - 1) === layer);
    if (rows.length === 0) continue;
    let read: GreedyRead;
    if (layer === 0) read = await full(rows);
    else {
      // Each row's stream, left-padded with zeros to this chunk's width: pad positions are masked keys.
      const hidden = cache.get(chunk.sequence[rows[0]])![layer].length / realLength(rows[0]);
      const stream = new Float32Array(rows.length * width * hidden);
      rows.forEach((r, i) => stream.set(cache.get(chunk.sequence[r])![layer], (i * width + width - realLength(r)) * hidden));
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

/** Reads into `cache` the streams of the sequences `rows` hold that it lacks, in one unpruned pass. */
async function readStreams(decoder: DecoderSession, chunk: ReadChunk, rows: number[], cache: StreamCache): Promise<void> {
  const { ids, mask, pos, batch } = chunk;
  const width = ids.length / batch;
  const missing = [...new Set(rows.map((r) => chunk.sequence[r]))].filter((k) => !cache.has(k));
  if (missing.length === 0) return;
  const representatives = missing.map((k) => chunk.sequence.indexOf(k));
  const streams = await decoder.layerSkip!.residuals(decoder, {
    inputIds: rowsOf(ids, representatives, width), attentionMask: rowsOf(mask, representatives, width), positionIds: rowsOf(pos, representatives, width),
    batch: representatives.length, past: decoder.emptyPast(representatives.length), noCache: true, logitsToKeep: 1,
  });
  representatives.forEach((r, i) => {
    const pad = mask.subarray(r * width, (r + 1) * width).findIndex((v) => v !== 0n);
    cache.set(
      chunk.sequence[r],
      streams.map((s) => {
        const hidden = s.length / (representatives.length * width);
        return s.slice((i * width + pad) * hidden, (i + 1) * width * hidden);
      }),
    );
  });
}
