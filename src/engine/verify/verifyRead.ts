/**
 * The greedy read of one verification chunk (verify/verifiedGenerate): every
 * row at once on the decoder's session, or, where the decoder has layer
 * skipping, each row from its first pruned layer up (verify/layerSkip), with
 * the unpruned residual streams read once per distinct sequence: a
 * StreamCache keeps them across the chunks of one verification. Given the
 * tokens the draft expects, it also returns the whole cache of each row
 * that left them: the read's own keys and values from the row's first
 * pruned layer up, and the draft's below it (the same values: below its
 * pruned layer a row computes what the draft did).
 */
import type { DecoderSession } from '../model/decoderSession';
import type { GreedyRead } from '../model/greedyRead';
import type { DecoderSpec } from '../model/modelConfig';
import { rowsOf } from '../model/lengthGroups';

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
  /** [batch, keep] the token expected at each read position, -1 where none: rows that differ get their cache back (decoder.hasDivergedCache). */
  draftNext?: BigInt64Array;
}

/** A cache tensor of one row: keys or values [kvHeads, seq, headDim], without padding. */
export type RowKv = Float32Array | Uint16Array;

/** Per sequence, without padding: its Residuals (verify/layerSkip), [seq, hidden] each, and [kvHeads, seq, headDim] per cache tensor. */
export type StreamCache = Map<string, { streams: Float32Array[]; attention: Float32Array[]; kv?: RowKv[] }>;

/** readChunk's result: the greedy read, and the whole cache (2 * numLayers RowKv) of each row that left its draft, by row. */
export type ChunkRead = GreedyRead & { caches: Map<number, RowKv[]> };

/** The first layer with a pruned head in each row of a [batch, layers, heads] mask; layers when none is. */
export function firstPrunedLayers(headMask: Float32Array | undefined, batch: number, numLayers: number, numHeads: number): number[] {
  return Array.from({ length: batch }, (_, r) => {
    for (let l = 0; l < numLayers; l++) {
      for (let h = 0; h < numHeads; h++) if (headMask && headMask[(r * numLayers + l) * numHeads + h] !== 1) return l;
    }
    return numLayers;
  });
}

/** K, the positions readChunk reads per row: the last `keep` on a session with the LM-head cut, else the whole width. */
export function keptPositions(decoder: DecoderSession, keep: number | undefined, width: number): number {
  return decoder.hasLogitsToKeep ? Math.min(keep ?? width, width) || width : width;
}

/**
 * [batch, K] argmax tokens and margins of the chunk's last K positions (K = chunk.keep on a session
 * with the LM-head cut, else the width), as one full greedyRead gives them.
 */
export async function readChunk(decoder: DecoderSession, chunk: ReadChunk): Promise<ChunkRead> {
  const { ids, mask, pos, batch, headMask } = chunk;
  const skip = decoder.layerSkip;
  const width = ids.length / batch;
  const kept = keptPositions(decoder, chunk.keep, width);
  const logitsToKeep = decoder.hasLogitsToKeep ? kept : undefined;
  const draftNext = decoder.hasDivergedCache ? chunk.draftNext : undefined;
  const input = (rows: number[]) => ({
    inputIds: rowsOf(ids, rows, width), attentionMask: rowsOf(mask, rows, width), positionIds: rowsOf(pos, rows, width),
    batch: rows.length, past: decoder.emptyPast(rows.length), headMask: headMask && rowsOf(headMask, rows, perRow), noCache: true, logitsToKeep,
    draftNext: draftNext && rowsOf(draftNext, rows, kept),
  });
  const { numLayers, numHeads } = decoder.spec;
  const perRow = numLayers * numHeads;
  const all = Array.from({ length: batch }, (_, r) => r);
  const realLength = (r: number) => mask.subarray(r * width, (r + 1) * width).reduce((n, v) => n + Number(v), 0);
  const caches = new Map<number, RowKv[]>();
  if (!skip) {
    const read = await decoder.greedyRead(input(all));
    keepDiverged(read, all, realLength, width, decoder.spec, caches);
    return { ...read, caches };
  }

  const first = firstPrunedLayers(headMask, batch, numLayers, numHeads);
  const cache: StreamCache = chunk.streams ?? new Map();
  const readLayer = (r: number) => Math.min(first[r], numLayers - 1);
  await readStreams(decoder, chunk, all.filter((r) => readLayer(r) >= skip.firstCut), cache);
  const tokens = new Int32Array(batch * kept);
  const margins = new Float32Array(batch * kept);
  for (let layer = 0; layer < numLayers; layer++) {
    const rows = all.filter((r) => readLayer(r) === layer);
    if (rows.length === 0) continue;
    let read: GreedyRead;
    if (layer < skip.firstCut) read = await decoder.greedyRead(input(rows));
    else {
      // Each row's stream (and attention output), left-padded with zeros to this chunk's width: pad positions are masked keys.
      const padded = (of: (entry: ReturnType<StreamCache['get']> & object) => Float32Array) => {
        const hidden = of(cache.get(chunk.sequence[rows[0]])!).length / realLength(rows[0]);
        const out = new Float32Array(rows.length * width * hidden);
        rows.forEach((r, i) => out.set(of(cache.get(chunk.sequence[r])!), (i * width + width - realLength(r)) * hidden));
        return out;
      };
      const from = { stream: padded((e) => e.streams[layer]), attention: skip.firstCut === 0 ? padded((e) => e.attention[layer]) : undefined };
      read = await skip.readFrom(decoder, layer, from, input(rows));
    }
    rows.forEach((r, i) => {
      tokens.set(read.tokens.subarray(i * kept, (i + 1) * kept), r * kept);
      margins.set(read.margins.subarray(i * kept, (i + 1) * kept), r * kept);
    });
    // Below its pruned layer a row's cache is its draft's.
    keepDiverged(read, rows, realLength, width, decoder.spec, caches, (r, t) => cache.get(chunk.sequence[r])?.kv?.[t]);
  }
  return { tokens, margins, caches };
}

/**
 * Adds to `caches` each diverged row of `read` (whose batch held `rows`), unpadded.
 * @param below a cache tensor for the layers the read did not run
 */
function keepDiverged(read: GreedyRead, rows: number[], realLength: (r: number) => number, width: number, { numKvHeads: heads, numLayers: layers }: DecoderSpec, caches: Map<number, RowKv[]>, below?: (r: number, t: number) => RowKv | undefined): void {
  const diverged = read.diverged;
  if (!diverged || diverged.rows.length === 0) return;
  const n = diverged.rows.length;
  diverged.rows.forEach((i, j) => {
    const r = rows[i];
    const length = realLength(r);
    const kv: RowKv[] = [];
    for (let t = 0; t < 2 * layers; t++) {
      const all = diverged.kv[t];
      kv[t] = all ? unpadRow(all, j, n, heads, width, length) : below!(r, t)!;
    }
    if (kv.every(Boolean)) caches.set(r, kv);
  });
}

/** Row j of a left-padded [n, heads, width, dim] tensor, as [heads, length, dim]: its last `length` positions. */
export function unpadRow(all: RowKv, j: number, n: number, heads: number, width: number, length: number): RowKv {
  const dim = all.length / (n * heads * width);
  const out = all instanceof Uint16Array ? new Uint16Array(heads * length * dim) : new Float32Array(heads * length * dim);
  for (let h = 0; h < heads; h++) {
    const from = ((j * heads + h) * width + width - length) * dim;
    out.set(all.subarray(from, from + length * dim) as never, h * length * dim);
  }
  return out;
}

/** Reads into `cache` the streams of the sequences `rows` hold that it lacks, in one unpruned pass. */
async function readStreams(decoder: DecoderSession, chunk: ReadChunk, rows: number[], cache: StreamCache): Promise<void> {
  const { ids, mask, pos, batch } = chunk;
  const width = ids.length / batch;
  const missing = [...new Set(rows.map((r) => chunk.sequence[r]))].filter((k) => !cache.has(k));
  if (missing.length === 0) return;
  const representatives = missing.map((k) => chunk.sequence.indexOf(k));
  const { streams, attention, kv } = await decoder.layerSkip!.residuals(decoder, {
    inputIds: rowsOf(ids, representatives, width), attentionMask: rowsOf(mask, representatives, width), positionIds: rowsOf(pos, representatives, width),
    batch: representatives.length, past: decoder.emptyPast(representatives.length), noCache: true, logitsToKeep: 1,
  });
  const heads = decoder.spec.numKvHeads;
  representatives.forEach((r, i) => {
    const length = mask.subarray(r * width, (r + 1) * width).reduce((n, v) => n + Number(v), 0);
    // A stream is [batch, seq, hidden]: one head's worth of unpadRow.
    const unpad = (s: Float32Array) => unpadRow(s, i, representatives.length, 1, width, length) as Float32Array;
    cache.set(chunk.sequence[r], { streams: streams.map(unpad), attention: attention.map(unpad), kv: kv?.map((t) => unpadRow(t, i, representatives.length, heads, width, length)) });
  });
}
