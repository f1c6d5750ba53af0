/**
 * One forward pass over a session built with the attention outputs
 * (engine/onnx/attentionOutputs), fetching only the layers asked for: the
 * probabilities are [batch, heads, width, width] per layer, so fetching
 * what is not shown would copy layers x heads x width² floats for nothing.
 */
import type { DecoderSession } from '../model/decoderSession';
import { ContextLengthError, InvalidRequestError } from '../model/errors';
import { padPrompts } from '../model/generate';
import { floatData } from '../model/halfFloats';
import { attentionKeyName, attentionProbsName, attentionQueryName } from '../onnx/attentionOutputs';

export interface AttentionRunOptions {
  /** [batch, layers, heads] row-major, 1 keeps and 0 prunes; all ones when absent. */
  headMask?: Float32Array;
  /** The layers to fetch; all when absent. */
  layers?: number[];
  /** Also fetch each layer's queries and keys (a session built with queriesAndKeys). */
  queriesAndKeys?: boolean;
}

/** What one pass returns, per fetched layer, in the order of `layers`. */
export interface AttentionRun {
  batch: number;
  /** Left-padded row width: the query and key length. */
  width: number;
  /** [batch, width]: 1 where a row has a token, 0 on its left padding. */
  attentionMask: BigInt64Array;
  layers: number[];
  /** Per layer, [batch, heads, width, width]: row q holds the weights from query q over every key. */
  probs: Float32Array[];
  /** Per layer with queriesAndKeys, [batch, heads, width, headDim]. */
  queries?: Float32Array[];
  /** Per layer with queriesAndKeys, as the scores MatMul reads them: [batch, kvHeads, headDim, width]. */
  keys?: Float32Array[];
}

/** True when the session has an attention_probs output for every layer. */
export function hasAttentionOutputs(decoder: DecoderSession): boolean {
  const outputs = new Set(decoder.session.outputNames);
  return Array.from({ length: decoder.spec.numLayers }, (_, l) => attentionProbsName(l)).every((n) => outputs.has(n));
}

/**
 * Runs `rows` (left-padded into one batch) once, with no cache, and returns
 * the attention probabilities of the asked layers as float32 (float16
 * outputs widened).
 * @param rows token ids per row, [batch][length]
 * @throws InvalidRequestError when the session lacks the outputs or a layer is out of range
 */
export async function runAttention(decoder: DecoderSession, rows: number[][], options: AttentionRunOptions = {}): Promise<AttentionRun> {
  const { spec } = decoder;
  if (!hasAttentionOutputs(decoder)) throw new InvalidRequestError('This session has no attention_probs outputs: build it with withAttentionOutputs.');
  if (rows.length === 0 || rows.some((r) => r.length === 0)) throw new InvalidRequestError('Every row needs at least one token.');
  const layers = options.layers ?? Array.from({ length: spec.numLayers }, (_, l) => l);
  const bad = layers.find((l) => !Number.isInteger(l) || l < 0 || l >= spec.numLayers);
  if (bad !== undefined) throw new InvalidRequestError(`Layer ${bad} is outside this model's ${spec.numLayers} layers (0-based).`);
  const batch = rows.length;
  const width = Math.max(...rows.map((r) => r.length));
  if (width > spec.maxPositions) throw new ContextLengthError(width, 0, spec.maxPositions);
  if (options.headMask && !decoder.hasHeadMask) throw new InvalidRequestError('This session has no head_mask input.');

  const { ids, mask, pos } = padPrompts(rows, BigInt(spec.padTokenId));
  const past = decoder.emptyPast(batch);
  const feeds = decoder.feeds({ inputIds: ids, attentionMask: mask, positionIds: pos, batch, past, headMask: options.headMask });
  const names = layers.map(attentionProbsName);
  if (options.queriesAndKeys) names.push(...layers.map(attentionQueryName), ...layers.map(attentionKeyName));
  const out = await decoder.session.run(feeds, names);
  for (const t of past) t.dispose();
  const read = async (name: string): Promise<Float32Array> => {
    const t = out[name];
    if (t.type !== 'float32' && t.type !== 'float16') throw new InvalidRequestError(`${name} is ${t.type}; attention patterns need float activations.`);
    // fp16 exports' probabilities arrive as float16 and are widened here.
    const data = floatData(t.type, await t.getData());
    t.dispose();
    return data;
  };
  const fetchAll = (f: (l: number) => string) => Promise.all(layers.map((l) => read(f(l))));
  const probs = await fetchAll(attentionProbsName);
  const queries = options.queriesAndKeys ? await fetchAll(attentionQueryName) : undefined;
  const keys = options.queriesAndKeys ? await fetchAll(attentionKeyName) : undefined;
  return { batch, width, attentionMask: mask, layers, probs, queries, keys };
}
