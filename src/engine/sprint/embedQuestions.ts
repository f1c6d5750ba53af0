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
export async function embedQuestions(model: LoadedModel, questions: string[], batch = 16): Promise<Float32Array> {
  const { spec, decoder, tokenizer } = model;
  const out = new Float32Array(questions.length * spec.hiddenSize);
  for (let s = 0; s < questions.length; s += batch) {
    const prompts = questions.slice(s, s + batch).map((q) => buildPromptIds(tokenizer, q, spec, 0));
    const { ids, mask, pos } = padPrompts(prompts, BigInt(spec.padTokenId));
    const { hidden, present } = await decoder.step({ inputIds: ids, attentionMask: mask, positionIds: pos, batch: prompts.length, past: decoder.emptyPast(prompts.length), hidden: true });
    for (const t of present) t.dispose();
    const width = ids.length / prompts.length;
    const H = spec.hiddenSize;
    prompts.forEach((p, b) => {
      const row = out.subarray((s + b) * H, (s + b + 1) * H);
      for (let t = width - p.length; t < width; t++) {
        for (let d = 0; d < H; d++) row[d] += hidden![(b * width + t) * H + d] / p.length;
      }
    });
  }
  return out;
}
