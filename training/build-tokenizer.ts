/**
 * Writes the bundled model's tokenizer.json and tokenizer_config.json.
 *
 * A Llama-style BPE with a Metaspace pre-tokenizer, built without training:
 * every word the problem generator can write becomes one token ("▁apples"),
 * every digit stays a single token ("▁1", "2"), and any other printable ASCII
 * text still encodes, character by character. Merges only extend a
 * "▁"-prefixed chain one character at a time, so chains never interact and a
 * known word always ends as one token.
 *
 * With `--mix` (the positive-control model, headlab-mix-6x8) the words of the
 * mixed-family generator are appended after every token of the plain
 * tokenizer, so each of its token ids keeps its meaning there.
 *
 * usage: tsx training/build-tokenizer.ts <out-dir> [--mix]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syntheticProblems } from '../src/engine/problems/synthetic';
import { mixProblems } from '../src/engine/problems/mix/mixProblems';
import { CONTAINERS, FUNCTION_WORDS, ITEMS, NAMES } from '../src/engine/problems/vocabulary';

const SPACE = '\u2581';
export const SPECIAL_TOKENS = ['<unk>', '<s>', '</s>', '<pad>', '<|user|>', '<|assistant|>'];
const MAX_LENGTH = 256;

const CHAT_TEMPLATE =
  "{{ bos_token }}{% for message in messages %}{% if message['role'] == 'user' %}{{ '<|user|>' + message['content'] }}" +
  "{% elif message['role'] == 'assistant' %}{{ '<|assistant|>' + message['content'] + eos_token }}" +
  "{% else %}{{ raise_exception('Only user and assistant roles are supported') }}{% endif %}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|assistant|>' }}{% endif %}";

function collectWords(): string[] {
  const words = new Set<string>([...NAMES, ...ITEMS, ...CONTAINERS, ...FUNCTION_WORDS]);
  // Also every word the generator actually writes, so no template word is missed.
  for (const p of syntheticProblems({ seed: 12345, count: 20000 })) {
    for (const w of `${p.question} ${p.answer}`.match(/[A-Za-z']+/g) ?? []) words.add(w);
  }
  return [...words].sort();
}

/** Words the mixed-family generator writes, in order of first use over a fixed draw. */
export function mixWords(): string[] {
  const words = new Set<string>();
  for (const p of mixProblems({ seed: 12345, count: 20000 })) {
    for (const text of [p.question, p.answer, p.shortcut?.answer ?? '']) {
      for (const w of text.match(/[A-Za-z']+/g) ?? []) words.add(w);
    }
  }
  return [...words].sort();
}

/** The tokenizer; `extraWords` are chained after all others (ids of the rest unchanged). */
export function buildTokenizer(extraWords: readonly string[] = []) {
  const vocab = new Map<string, number>();
  const add = (t: string) => {
    if (!vocab.has(t)) vocab.set(t, vocab.size);
  };
  SPECIAL_TOKENS.forEach(add);
  const chars = ['\n', SPACE];
  for (let c = 33; c < 127; c++) chars.push(String.fromCharCode(c));
  chars.forEach(add);

  const merges: [string, string][] = [];
  const chain = (word: string, start: string) => {
    let prefix = start;
    for (const ch of word) {
      const next = prefix + ch;
      if (!vocab.has(next)) {
        merges.push([prefix, ch]);
        add(next);
      }
      prefix = next;
    }
  };
  for (const c of chars.slice(2)) chain(c, SPACE);
  for (const w of collectWords()) chain(w, SPACE);
  chain('###', '\n#');
  merges.unshift(['\n', '#']);
  add('\n#');
  for (const w of extraWords) chain(w, SPACE);

  const special = SPECIAL_TOKENS.map((content, id) => ({
    id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true,
  }));
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: special,
    normalizer: null,
    pre_tokenizer: { type: 'Metaspace', replacement: SPACE, prepend_scheme: 'always', split: false },
    post_processor: null,
    decoder: { type: 'Metaspace', replacement: SPACE, prepend_scheme: 'always', split: false },
    model: {
      type: 'BPE', dropout: null, unk_token: '<unk>', continuing_subword_prefix: null, end_of_word_suffix: null,
      fuse_unk: false, byte_fallback: false, ignore_merges: false,
      vocab: Object.fromEntries(vocab), merges,
    },
  };
  const config = {
    tokenizer_class: 'LlamaTokenizerFast',
    bos_token: '<s>', eos_token: '</s>', unk_token: '<unk>', pad_token: '<pad>',
    model_max_length: MAX_LENGTH,
    add_bos_token: false, add_eos_token: false,
    clean_up_tokenization_spaces: false,
    chat_template: CHAT_TEMPLATE,
  };
  return { tokenizer, config };
}

if (process.argv[1]?.endsWith('build-tokenizer.ts')) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: tsx training/build-tokenizer.ts <out-dir> [--mix]');
  mkdirSync(out, { recursive: true });
  const { tokenizer, config } = buildTokenizer(process.argv.includes('--mix') ? mixWords() : []);
  writeFileSync(join(out, 'tokenizer.json'), JSON.stringify(tokenizer));
  writeFileSync(join(out, 'tokenizer_config.json'), JSON.stringify(config, null, 2) + '\n');
  const size = Object.keys(tokenizer.model.vocab).length;
  process.stderr.write(`wrote ${out}/tokenizer.json (${size} tokens)\n`);
}
