import { describe, expect, it } from 'vitest';
import { ModelFileError, UnsupportedModelError } from './errors';
import { parseDecoderSpec } from './modelConfig';

// The fields that matter from Qwen2.5-0.5B-Instruct's config.json.
const QWEN = {
  architectures: ['Qwen2ForCausalLM'], model_type: 'qwen2', hidden_size: 896, num_hidden_layers: 24,
  num_attention_heads: 14, num_key_value_heads: 2, vocab_size: 151936, max_position_embeddings: 32768, eos_token_id: 151643,
};

describe('parseDecoderSpec', () => {
  it('reads grouped-query attention: the grid has the query heads', () => {
    const spec = parseDecoderSpec(JSON.stringify(QWEN), JSON.stringify({ eos_token_id: [151645, 151643] }));
    expect(spec).toMatchObject({ numLayers: 24, numHeads: 14, numKvHeads: 2, headDim: 64, maxPositions: 32768 });
    expect(spec.eosTokenIds).toEqual([151645, 151643]);
  });

  it('reads GPT-2 field names', () => {
    const spec = parseDecoderSpec(JSON.stringify({ model_type: 'gpt2', n_layer: 12, n_head: 12, n_embd: 768, vocab_size: 50257, n_positions: 1024, eos_token_id: 50256 }));
    expect(spec).toMatchObject({ numLayers: 12, numHeads: 12, numKvHeads: 12, headDim: 64, maxPositions: 1024, padTokenId: 50256 });
  });

  it('names a missing field', () => {
    const { num_hidden_layers: _, ...broken } = QWEN;
    expect(() => parseDecoderSpec(JSON.stringify(broken))).toThrow(/config\.json: field num_hidden_layers or n_layer is missing/);
  });

  it('rejects heads that do not split into key/value groups', () => {
    expect(() => parseDecoderSpec(JSON.stringify({ ...QWEN, num_key_value_heads: 3 }))).toThrow(ModelFileError);
  });

  it('rejects encoder models by name', () => {
    expect(() => parseDecoderSpec(JSON.stringify({ ...QWEN, model_type: 't5', architectures: ['T5ForConditionalGeneration'] }))).toThrow(UnsupportedModelError);
  });
});
