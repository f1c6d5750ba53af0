/**
 * Teacher-forced log-probability of a continuation: how likely the model
 * finds a reference solution. The sweep's fast proxy for accuracy.
 */
import type { DecoderSession } from './decoderSession';
import { ContextLengthError, InvalidRequestError } from './errors';
import { padPrompts } from './generate';
import { rowsOf, runByLength } from './lengthGroups';

/**
 * Sum over target tokens of log p(target_t | prompt, target_<t), per row.
 * @param prompts one prompt token-id array per row
 * @param targets one continuation per row (non-empty)
 * @param headMask [batch, layers, heads], as in generate()
 * @returns [batch] summed log-probabilities (natural log)
 */
export async function scoreContinuations(
  decoder: DecoderSession,
  prompts: number[][],
  targets: number[][],
  headMask?: Float32Array,
): Promise<Float64Array> {
  const batch = prompts.length;
  if (targets.length !== batch) throw new InvalidRequestError(`${batch} prompts but ${targets.length} targets.`);
  if (targets.some((t) => t.length === 0)) throw new InvalidRequestError('Every target needs at least one token.');
  if (headMask && !decoder.hasHeadMask) throw new InvalidRequestError('This session has no head_mask input: load the model with head masking enabled.');
  const rows = prompts.map((p, b) => [...p, ...targets[b]]);
  const width = Math.max(...rows.map((r) => r.length));
  if (width > decoder.spec.maxPositions) throw new ContextLengthError(width, 0, decoder.spec.maxPositions);
  if (decoder.paddedBatches || new Set(rows.map((r) => r.length)).size === 1) return scoreBatch(decoder, prompts, targets, rows, headMask);
  // Sessions that cannot take padding (fused GroupQueryAttention) score one batch per row length.
  const maskWidth = decoder.spec.numLayers * decoder.spec.numHeads;
  const pick = <T>(xs: T[], group: number[]) => group.map((r) => xs[r]);
  const scores = await runByLength(rows.map((r) => r.length), (group) =>
    scoreBatch(decoder, pick(prompts, group), pick(targets, group), pick(rows, group), headMask && rowsOf(headMask, group, maskWidth)),
  );
  return Float64Array.from(scores);
}

/** scoreContinuations() for one padded batch; rows[b] is prompts[b] then targets[b]. */
async function scoreBatch(decoder: DecoderSession, prompts: number[][], targets: number[][], rows: number[][], headMask?: Float32Array): Promise<Float64Array> {
  const batch = prompts.length;
  const width = Math.max(...rows.map((r) => r.length));

  const { ids, mask, pos } = padPrompts(rows, BigInt(decoder.spec.padTokenId));
  // Targets end every left-padded row, so the last `longest` positions but one predict all of them.
  const longest = Math.max(...targets.map((t) => t.length));
  if (decoder.hasTokenLogprobs && width - 1 - longest >= 0) {
    const scorePositions = BigInt64Array.from({ length: longest }, (_, k) => BigInt(width - 1 - longest + k));
    const logProbs = await decoder.tokenLogprobs({ inputIds: ids, attentionMask: mask, positionIds: pos, batch, past: decoder.emptyPast(batch), headMask, scorePositions });
    return Float64Array.from(targets, (target, b) => {
      let sum = 0;
      for (let k = longest - target.length; k < longest; k++) sum += logProbs[b * longest + k];
      return sum;
    });
  }
  const { logits } = await decoder.step({
    inputIds: ids, attentionMask: mask, positionIds: pos, batch, past: decoder.emptyPast(batch), headMask, allLogits: true, noCache: true,
  });
  const vocab = logits!.length / (batch * width);
  const scores = new Float64Array(batch);
  for (let b = 0; b < batch; b++) {
    const start = width - rows[b].length + prompts[b].length;
    for (let t = 0; t < targets[b].length; t++) {
      // Position start + t - 1 predicts the token at start + t.
      const offset = (b * width + start + t - 1) * vocab;
      let max = -Infinity;
      for (let v = 0; v < vocab; v++) max = Math.max(max, logits![offset + v]);
      let sum = 0;
      for (let v = 0; v < vocab; v++) sum += Math.exp(logits![offset + v] - max);
      scores[b] += logits![offset + targets[b][t]] - max - Math.log(sum);
    }
  }
  return scores;
}
