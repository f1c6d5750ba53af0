import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR } from '../src/node/loadNodeModel';
import { syntheticProblems } from '../src/engine/problems/synthetic';
import { buildTokenizer } from './build-tokenizer';

describe('bundled tokenizer', () => {
  it('is exactly what build-tokenizer.ts writes', () => {
    const committed = JSON.parse(readFileSync(join(BUNDLED_MODEL_DIR, 'tokenizer.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildTokenizer().tokenizer)));
  });

  it('loads in transformers.js, spends one token per word and digit, and round-trips', async () => {
    env.allowRemoteModels = false;
    env.localModelPath = join(BUNDLED_MODEL_DIR, '..') + '/';
    const tokenizer = await AutoTokenizer.from_pretrained('headlab-math-6x8');
    const ids = tokenizer.encode('Mia has 12 apples.', { add_special_tokens: false });
    expect(ids.map((id) => tokenizer.decode([id]))).toEqual(['Mia', 'has', '1', '2', 'apples', '.']);
    for (const p of syntheticProblems({ seed: 99, count: 200 })) {
      for (const text of [p.question, p.answer]) {
        const encoded = tokenizer.encode(text, { add_special_tokens: false });
        expect(tokenizer.decode(encoded)).toBe(text);
        expect(encoded).not.toContain(tokenizer.unk_token_id);
      }
    }
  });

  it('wraps a question in the chat template', async () => {
    const tokenizer = await AutoTokenizer.from_pretrained('headlab-math-6x8');
    const text = tokenizer.apply_chat_template([{ role: 'user', content: 'Q?' }], { add_generation_prompt: true, tokenize: false });
    expect(text).toBe('<s><|user|>Q?<|assistant|>');
  });
});
