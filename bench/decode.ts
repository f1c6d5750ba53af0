/**
 * Decode speed: HeadLab's KV-cache loop vs @huggingface/transformers'
 * generate(), same bundled model, same backend (onnxruntime-node CPU),
 * greedy, fixed number of new tokens (no early stop), batch 1.
 * usage: npx tsx bench/decode.ts [--tokens 48] [--repeats 5]
 */
import { parseArgs } from 'node:util';
import { AutoModelForCausalLM, AutoTokenizer, env } from '@huggingface/transformers';
import { dirname } from 'node:path';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../src/node/loadNodeModel';
import { generate } from '../src/engine/model/generate';
import { buildPromptIds } from '../src/engine/model/prompt';
import { syntheticProblem } from '../src/engine/problems/synthetic';
import { HELD_OUT_SEED } from '../src/engine/problems/splits';
import { machineDescription, report } from './benchTable';

const { values } = parseArgs({ options: { tokens: { type: 'string', default: '48' }, repeats: { type: 'string', default: '5' } } });
const newTokens = Number(values.tokens);
const repeats = Number(values.repeats);

const ours = await loadNodeModel(BUNDLED_MODEL_DIR);
const prompt = buildPromptIds(ours.tokenizer, syntheticProblem(HELD_OUT_SEED, 0).question, ours.spec, newTokens);
// No end-of-sequence: both loops produce exactly newTokens tokens.
ours.spec.eosTokenIds = [];

env.allowRemoteModels = false;
env.localModelPath = dirname(BUNDLED_MODEL_DIR) + '/';
const hfTokenizer = await AutoTokenizer.from_pretrained('headlab-math-6x8');
const hf = await AutoModelForCausalLM.from_pretrained('headlab-math-6x8', { device: 'cpu', dtype: 'fp32' });
const hfInput = hfTokenizer.decode(prompt, { skip_special_tokens: false });
const hfInputs = hfTokenizer(hfInput, { add_special_tokens: false });

async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const runs: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    await fn();
    runs.push((performance.now() - t) / 1000);
  }
  return runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)];
}

const oursSeconds = await time(() => generate(ours.decoder, [prompt], { maxNewTokens: newTokens }));
const hfSeconds = await time(() =>
  hf.generate({ ...hfInputs, max_new_tokens: newTokens, min_new_tokens: newTokens, do_sample: false }),
);

report({
  name: 'decode',
  command: `npx tsx bench/decode.ts --tokens ${newTokens} --repeats ${repeats}`,
  machine: machineDescription(),
  date: new Date().toISOString(),
  rows: [
    { loop: 'HeadLab generate()', backend: 'onnxruntime-node cpu', tokens: newTokens, 'median s': oursSeconds.toFixed(3), 'tokens/s': (newTokens / oursSeconds).toFixed(1) },
    { loop: 'transformers.js generate()', backend: 'onnxruntime-node cpu', tokens: newTokens, 'median s': hfSeconds.toFixed(3), 'tokens/s': (newTokens / hfSeconds).toFixed(1) },
  ],
  notes: [`ratio (ours / transformers.js tokens/s): ${(hfSeconds / oursSeconds).toFixed(2)}x; target >= 1.0x`],
});
