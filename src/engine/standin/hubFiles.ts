/**
 * The small files of a stand-in's Hub layout: config.json and
 * generation_config.json as the real model's, and a byte-level BPE
 * tokenizer with the real vocabulary size and a ChatML chat template, so
 * loading and tokenizing cost what they cost with the real tokenizer.
 */
import { bpeTokenCount, type StandinDtype, type StandinShape } from './shapes';

/** GPT-2's byte-to-unicode table: every byte a printable character, as byte-level BPE stores them. */
function byteChars(): string[] {
  const printable: number[] = [];
  for (let b = 33; b <= 126; b++) printable.push(b);
  for (let b = 161; b <= 172; b++) printable.push(b);
  for (let b = 174; b <= 255; b++) printable.push(b);
  const chars: string[] = new Array(256);
  let extra = 0;
  for (let b = 0; b < 256; b++) chars[b] = String.fromCharCode(printable.includes(b) ? b : 256 + extra++);
  return chars;
}

/**
 * BPE vocabulary and merges with `count` tokens: the 256 byte characters,
 * then every pair of them, then triples (a pair token plus a byte), each
 * new token the merge of two earlier ones, until the count is reached.
 */
export function bpeVocabulary(count: number): { tokens: string[]; merges: string[] } {
  const base = byteChars();
  // Common characters first, so ordinary text merges into pairs: letters, space (Ġ), digits, punctuation.
  const order = [...'etaoinsrhldcumfpgwybvkxjqz', 'Ġ', ...'0123456789', ...'.,?!:;=+-*/()ETAOINSRHLDCUMFPGWYBVKXJQZ'];
  const ranked = [...order, ...base.filter((c) => !order.includes(c))];
  const tokens = [...base];
  const merges: string[] = [];
  const add = (a: string, b: string) => {
    if (tokens.length >= count) return false;
    tokens.push(a + b);
    merges.push(`${a} ${b}`);
    return true;
  };
  outer: for (const a of ranked) for (const b of ranked) if (!add(a, b)) break outer;
  const pairs = tokens.slice(256);
  outer2: for (const p of pairs) for (const c of ranked) if (!add(p, c)) break outer2;
  if (tokens.length < count) throw new Error(`cannot build ${count} BPE tokens from pairs and triples`);
  return { tokens: tokens.slice(0, count), merges };
}

const CHATML =
  "{% for message in messages %}{% if loop.first and message['role'] != 'system' %}{{ '<|im_start|>system\\nYou are a helpful assistant.<|im_end|>\\n' }}{% endif %}" +
  "{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

/** The id of each special token. */
export function specialIds(shape: StandinShape): Record<string, number> {
  const first = shape.specialsAt === 'start' ? 0 : bpeTokenCount(shape);
  return Object.fromEntries(shape.specials.map((s, i) => [s, first + i]));
}

/** tokenizer.json and tokenizer_config.json. */
export function tokenizerFiles(shape: StandinShape): { tokenizer: string; tokenizerConfig: string } {
  const { tokens, merges } = bpeVocabulary(bpeTokenCount(shape));
  const ids = specialIds(shape);
  const offset = shape.specialsAt === 'start' ? shape.specials.length : 0;
  const vocab: Record<string, number> = {};
  tokens.forEach((t, i) => (vocab[t] = i + offset));
  for (const [s, id] of Object.entries(ids)) vocab[s] = id;
  const byteLevel = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: false, use_regex: true };
  const tokenizer = {
    version: '1.0', truncation: null, padding: null,
    added_tokens: Object.entries(ids).map(([content, id]) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: 'NFC' }, pre_tokenizer: byteLevel, post_processor: byteLevel, decoder: byteLevel,
    model: { type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: '', end_of_word_suffix: '', fuse_unk: false, byte_fallback: false, ignore_merges: false, vocab, merges },
  };
  const tokenizerConfig = {
    tokenizer_class: 'Qwen2Tokenizer', bos_token: null, eos_token: shape.eos[0], pad_token: shape.pad, unk_token: null,
    model_max_length: shape.maxPositions, add_bos_token: false, clean_up_tokenization_spaces: false, chat_template: CHATML,
    additional_special_tokens: shape.specials,
  };
  return { tokenizer: JSON.stringify(tokenizer), tokenizerConfig: JSON.stringify(tokenizerConfig, null, 2) };
}

/** config.json (with transformers.js_config naming the dtype and any external data) and generation_config.json. */
export function configFiles(shape: StandinShape, dtype: StandinDtype, externalData: Record<string, number>, attention: 'decomposed' | 'gqa' = 'decomposed'): { config: string; generationConfig: string } {
  const ids = specialIds(shape);
  const config = {
    architectures: [shape.architecture], model_type: shape.modelType,
    vocab_size: shape.vocab, hidden_size: shape.hidden, intermediate_size: shape.intermediate,
    num_hidden_layers: shape.numLayers, num_attention_heads: shape.numHeads, num_key_value_heads: shape.numKvHeads, head_dim: shape.headDim,
    max_position_embeddings: shape.maxPositions, rms_norm_eps: shape.rmsEps, rope_theta: shape.ropeTheta, hidden_act: 'silu',
    attention_bias: shape.qkvBias, tie_word_embeddings: shape.tiedEmbeddings,
    bos_token_id: ids[shape.bos], eos_token_id: ids[shape.eos[0]], pad_token_id: ids[shape.pad],
    torch_dtype: 'bfloat16', use_cache: true,
    headlab_standin: { of: shape.hubId, attention, note: 'seeded random weights in the real shape; not a trained model' },
    'transformers.js_config': { dtype, use_external_data_format: externalData },
  };
  const generationConfig = { bos_token_id: ids[shape.bos], eos_token_id: shape.eos.map((e) => ids[e]), pad_token_id: ids[shape.pad], do_sample: false, max_new_tokens: 64 };
  return { config: JSON.stringify(config, null, 2), generationConfig: JSON.stringify(generationConfig, null, 2) };
}
