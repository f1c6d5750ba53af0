/** Runs test models on onnxruntime-node (CPU, one thread: the tests share two slow cores). */
import * as ort from 'onnxruntime-node';
import { halfToFloats } from './float16';

export function openSession(bytes: Uint8Array): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(bytes, { executionProviders: ['cpu'], intraOpNumThreads: 1, interOpNumThreads: 1, logSeverityLevel: 3 });
}

/** A tensor's values as float32, whatever its float type. */
export function floatsOf(t: ort.Tensor): Float32Array {
  // Without a global Float16Array, onnxruntime hands float16 data over as raw Uint16Array bits.
  if (t.type === 'float16') return halfToFloats(t.data as Uint16Array);
  return t.data as Float32Array;
}

/** Feeds rows of token ids (all the same length), an optional head_mask [batch][layer][head] and extra feeds. */
export async function runRows(
  session: ort.InferenceSession, rows: number[][], opts: { mask?: number[][][]; extra?: Record<string, ort.Tensor> } = {},
): Promise<Record<string, Float32Array>> {
  const batch = rows.length;
  const seq = rows[0].length;
  const feeds: Record<string, ort.Tensor> = { input_ids: new ort.Tensor('int64', BigInt64Array.from(rows.flat(), BigInt), [batch, seq]), ...opts.extra };
  const { mask } = opts;
  if (mask) feeds.head_mask = new ort.Tensor('float32', Float32Array.from(mask.flat(2)), [batch, mask[0].length, mask[0][0].length]);
  const out = await session.run(feeds);
  return Object.fromEntries(Object.entries(out).map(([k, t]) => [k, floatsOf(t)]));
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}
