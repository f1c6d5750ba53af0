/**
 * What the app's inspect mode shows for one layer: the patterns of the
 * question and its answer with nothing pruned and, when heads are pruned,
 * with them pruned, over the same tokens (teacher-forced), so the two maps
 * line up cell for cell.
 */
import { maskFor } from '../sweep/sweepSchema';
import { checkpoint } from '../model/checkpoint';
import { questionPatterns, type PatternsModel } from './questionPatterns';

export interface AttentionView {
  /** One label per token, [n]. */
  tokens: string[];
  /** Tokens [0, promptLength) are the prompt, the rest the answer. */
  promptLength: number;
  layer: number;
  numHeads: number;
  /** [heads, n, n] with nothing pruned. */
  before: Float32Array;
  /** [heads, n, n] with `prune` pruned; absent when nothing is. */
  after?: Float32Array;
  prune: [number, number][];
}

/**
 * Runs the question (and `answer`, generated ids) once, or twice when heads are pruned.
 * @param prune [layer, head] pairs, 0-based
 */
export async function attentionView(
  model: PatternsModel, question: string, answer: number[], layer: number, prune: [number, number][], signal?: AbortSignal,
): Promise<AttentionView> {
  const { numLayers, numHeads } = model.spec;
  const plain = await questionPatterns(model, question, answer, { layers: [layer] });
  const view: AttentionView = { tokens: plain.tokens, promptLength: plain.promptLength, layer, numHeads, before: plain.layers[0].weights, prune };
  if (prune.length === 0) return view;
  await checkpoint(signal);
  const pruned = await questionPatterns(model, question, answer, { layers: [layer], headMask: maskFor(prune, numLayers, numHeads) });
  return { ...view, after: pruned.layers[0].weights };
}
