/**
 * SPRINT's default question encoder, which works offline: the loaded
 * model's own final hidden state over the prompt, mean-pooled over the
 * prompt's tokens (padding excluded). Needs a session built with the
 * surgery's last_hidden_state output.
 */
import type { LoadedModel } from '../model/loadModel';
import { padPrompts } from '../model/generate';
import { buildPromptIds } from '../model/prompt';

/**
 * @returns [questions.length, hidden] row-major embeddings
 */
export async function embedQuestions(model: LoadedModel, questions: string[], batch = 32): Promise<Float32Array> {
  const { spec, decoder, tokenizer } = model;
  const H = spec.hiddenSize;
  const out = new Float32Array(questions.length * H);
  const prompts = questions.map((q) => buildPromptIds(tokenizer, q, spec, 0));
  // Batches of similar length waste less compute on padding; rows go back to their own places.
  const order = prompts.map((_, i) => i).sort((a, b) => prompts[a].length - prompts[b].length);
  const batches: number[][] = [];
  for (const r of order) {
    const last = batches.at(-1);
    // A session that cannot take padding (fused GroupQueryAttention) gets equal lengths only.
    const fits = last && last.length < batch && (decoder.paddedBatches || prompts[last[0]].length === prompts[r].length);
    if (fits) last.push(r);
    else batches.push([r]);
  }
  for (const rows of batches) {
    const { ids, mask, pos } = padPrompts(rows.map((r) => prompts[r]), BigInt(spec.padTokenId));
    const { hidden } = await decoder.step({ inputIds: ids, attentionMask: mask, positionIds: pos, batch: rows.length, past: decoder.emptyPast(rows.length), hidden: true, noCache: true });
    const width = ids.length / rows.length;
    rows.forEach((r, b) => {
      const length = prompts[r].length;
      const row = out.subarray(r * H, (r + 1) * H);
      for (let t = width - length; t < width; t++) {
        for (let d = 0; d < H; d++) row[d] += hidden![(b * width + t) * H + d] / length;
      }
    });
  }
  return out;
}
