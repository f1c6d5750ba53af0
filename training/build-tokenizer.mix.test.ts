import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR, MIX_MODEL_DIR } from '../src/node/loadNodeModel';
import { buildTokenizer, mixWords } from './build-tokenizer';

describe('headlab-mix-6x8 tokenizer', () => {
  const committed = JSON.parse(readFileSync(join(MIX_MODEL_DIR, 'tokenizer.json'), 'utf8'));

  it('is exactly what build-tokenizer.ts --mix writes', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildTokenizer(mixWords()).tokenizer)));
  });

  it("keeps every headlab-math-6x8 token at its id, so training can start from that model's embeddings", () => {
    const plain = JSON.parse(readFileSync(join(BUNDLED_MODEL_DIR, 'tokenizer.json'), 'utf8')).model.vocab as Record<string, number>;
    const mix = committed.model.vocab as Record<string, number>;
    for (const [token, id] of Object.entries(plain)) expect(mix[token]).toBe(id);
    expect(Object.keys(mix).length).toBe(670);
  });
});
