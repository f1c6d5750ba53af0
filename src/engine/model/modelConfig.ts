/**
 * Reads a Hugging Face config.json into the few numbers the engine needs:
 * the grid (layers x query heads), the KV cache shape, the context limit
 * and the stop tokens.
 */
import { ModelFileError, UnsupportedModelError } from './errors';

/** What the engine knows about a decoder, from its config.json. */
export interface DecoderSpec {
  modelType: string;
  architecture: string;
  numLayers: number;
  /** Query heads: the heads of the grid. */
  numHeads: number;
  /** Key/value heads (fewer than numHeads under grouped-query attention). */
  numKvHeads: number;
  headDim: number;
  hiddenSize: number;
  vocabSize: number;
  /** Context window in tokens: prompt plus generated tokens. */
  maxPositions: number;
  eosTokenIds: number[];
  padTokenId: number;
}

/** Decoder families whose ONNX exports use the standard KV-cache I/O. */
export const SUPPORTED_MODEL_TYPES = ['llama', 'qwen2', 'qwen3', 'mistral', 'phi3', 'gemma', 'gemma2', 'granite', 'gpt2', 'olmo', 'stablelm'];

function positiveInt(raw: Record<string, unknown>, keys: string[], file: string): number {
  for (const k of keys) {
    const v = raw[k];
    if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
  }
  throw new ModelFileError(file, `field ${keys.join(' or ')} is missing or not a positive integer`);
}

function tokenIds(v: unknown): number[] {
  if (typeof v === 'number') return [v];
  if (Array.isArray(v)) return v.filter((x): x is number => typeof x === 'number');
  return [];
}

/**
 * Parses config.json (and optionally generation_config.json, whose
 * eos_token_id wins when present).
 */
export function parseDecoderSpec(configText: string, generationConfigText?: string, file = 'config.json'): DecoderSpec {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(configText) as Record<string, unknown>;
  } catch (err) {
    throw new ModelFileError(file, `not valid JSON (${(err as Error).message})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ModelFileError(file, 'not a JSON object');
  const modelType = String(raw.model_type ?? '');
  const architecture = Array.isArray(raw.architectures) ? String(raw.architectures[0]) : '';
  if (!SUPPORTED_MODEL_TYPES.includes(modelType)) {
    throw new UnsupportedModelError(
      `Unsupported architecture: model_type "${modelType || '(none)'}"${architecture ? ` (${architecture})` : ''}. ` +
        `HeadLab drives decoder-only language models with a KV cache: ${SUPPORTED_MODEL_TYPES.join(', ')}.`,
    );
  }
  const numLayers = positiveInt(raw, ['num_hidden_layers', 'n_layer'], file);
  const numHeads = positiveInt(raw, ['num_attention_heads', 'n_head'], file);
  const hiddenSize = positiveInt(raw, ['hidden_size', 'n_embd'], file);
  const numKvHeads = typeof raw.num_key_value_heads === 'number' ? positiveInt(raw, ['num_key_value_heads'], file) : numHeads;
  const headDim = typeof raw.head_dim === 'number' ? positiveInt(raw, ['head_dim'], file) : hiddenSize / numHeads;
  if (!Number.isInteger(headDim)) throw new ModelFileError(file, `hidden_size ${hiddenSize} is not divisible by ${numHeads} heads`);
  if (numHeads % numKvHeads !== 0) throw new ModelFileError(file, `${numHeads} attention heads do not split into ${numKvHeads} key/value groups`);

  let eos = tokenIds(raw.eos_token_id);
  if (generationConfigText) {
    try {
      const gen = JSON.parse(generationConfigText) as Record<string, unknown>;
      if (tokenIds(gen.eos_token_id).length) eos = tokenIds(gen.eos_token_id);
    } catch (err) {
      throw new ModelFileError('generation_config.json', `not valid JSON (${(err as Error).message})`);
    }
  }
  return {
    modelType,
    architecture,
    numLayers,
    numHeads,
    numKvHeads,
    headDim,
    hiddenSize,
    vocabSize: positiveInt(raw, ['vocab_size'], file),
    maxPositions: positiveInt(raw, ['max_position_embeddings', 'n_positions'], file),
    eosTokenIds: eos,
    padTokenId: tokenIds(raw.pad_token_id)[0] ?? eos[0] ?? 0,
  };
}
