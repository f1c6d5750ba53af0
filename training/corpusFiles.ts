/**
 * What both corpus writers share: the model's tokenizer from its folder (the
 * same transformers.js code the app uses), a question as the chat prompt's
 * token ids, and a split's two binary files for the training scripts.
 */
import { writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AutoTokenizer, env, type PreTrainedTokenizer } from '@huggingface/transformers';

export async function localTokenizer(modelDir: string): Promise<PreTrainedTokenizer> {
  env.allowRemoteModels = false;
  env.localModelPath = dirname(resolve(modelDir)) + '/';
  return AutoTokenizer.from_pretrained(basename(resolve(modelDir)));
}

/** The chat template with the generation prompt, as token ids. */
export function promptIds(tokenizer: PreTrainedTokenizer, question: string): number[] {
  const text = tokenizer.apply_chat_template([{ role: 'user', content: question }], {
    add_generation_prompt: true, tokenize: false,
  }) as string;
  return tokenizer.encode(text, { add_special_tokens: false });
}

/** <split>.tokens.u16 (every token id, concatenated) and <split>.index.i32 (fixed-width int32 rows). */
export function writeSplit(outDir: string, split: string, tokens: number[], index: number[]): void {
  writeFileSync(join(outDir, `${split}.tokens.u16`), new Uint16Array(tokens));
  writeFileSync(join(outDir, `${split}.index.i32`), new Int32Array(index));
}
