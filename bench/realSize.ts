/**
 * Real-size stand-ins in Node (onnxruntime-node CPU, one intra-op thread):
 * load, surgery, prefill, decode at batch 1 and at batch 16 with one head
 * pruned per row, log-prob scoring cells/s, peak memory, and
 * transformers.js' generate() on the same files as a ratio. Each model runs
 * in its own child process, so its peak memory is its own.
 * usage: npx tsx bench/realSize.ts [--models DIR:DTYPE,...] [--tokens 16]
 *   (default: the folders npm run standin wrote under .cache/standins/)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AutoModelForCausalLM, AutoTokenizer, env } from '@huggingface/transformers';
import { headMaskTransform } from '../src/engine/onnx/addHeadMask';
import { generate } from '../src/engine/model/generate';
import { onnxFileFor, type ModelDtype } from '../src/engine/model/modelFiles';
import { buildPromptIds } from '../src/engine/model/prompt';
import { scoreContinuations } from '../src/engine/model/scoreTokens';
import { padPrompts } from '../src/engine/model/generate';
import { loadNodeModel } from '../src/node/loadNodeModel';
import { machineDescription, report } from './benchTable';

const QUESTION = 'Mia has 5 apples. Mia buys 3 more apples. How many apples does Mia have now?';
const DEFAULT_MODELS = [
  'smollm2-135m:fp32', 'smollm2-135m:q4f16', 'qwen2.5-0.5b:fp32', 'qwen2.5-0.5b:fp16', 'qwen2.5-0.5b:q4f16', 'qwen2.5-math-1.5b:q4f16',
].map((m) => `.cache/standins/${m}`);

/** Peak resident memory of this process (VmHWM), in MB. */
function peakMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

const secondsSince = (t: number) => (performance.now() - t) / 1000;

/** Measures one model folder; prints one JSON row on stdout. */
async function measure(dir: string, dtype: ModelDtype, tokens: number): Promise<void> {
  const stages: Record<string, number> = {};
  const t0 = performance.now();
  const m = await loadNodeModel(dir, { dtype, transform: headMaskTransform(), onStage: (s) => (stages[s] = performance.now()) });
  const loadS = secondsSince(t0);
  const surgeryS = (stages.session - stages.surgery) / 1000;
  const { spec, decoder } = m;
  spec.eosTokenIds = []; // random weights: every run makes exactly `tokens` tokens
  const prompt = buildPromptIds(m.tokenizer, QUESTION, spec, tokens);
  const { ids, mask, pos } = padPrompts([prompt], 0n);
  let t = performance.now();
  await decoder.step({ inputIds: ids, attentionMask: mask, positionIds: pos, batch: 1, past: decoder.emptyPast(1), noCache: true });
  const prefill = prompt.length / secondsSince(t);
  const decodeRate = async (rows: number, headMask?: Float32Array) => {
    let first = 0;
    const start = performance.now();
    await generate(decoder, Array.from({ length: rows }, () => prompt), { maxNewTokens: tokens, headMask, onStep: () => (first ||= performance.now()) });
    const total = secondsSince(start);
    return { perToken: (rows * (tokens - 1)) / ((performance.now() - first) / 1000), total };
  };
  const heads = spec.numLayers * spec.numHeads;
  const rowMasks = (rows: number) => {
    const mk = new Float32Array(rows * heads).fill(1);
    for (let r = 0; r < rows; r++) mk[r * heads + ((r * 7) % heads)] = 0;
    return mk;
  };
  const b1 = await decodeRate(1);
  const b16 = await decodeRate(16, rowMasks(16));
  const target = prompt.slice(-16);
  t = performance.now();
  await scoreContinuations(decoder, Array.from({ length: 16 }, () => prompt), Array.from({ length: 16 }, () => target), rowMasks(16));
  const cells = 16 / secondsSince(t);
  const peak = peakMb();
  await decoder.session.release();

  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = dirname(resolve(dir)) + '/';
  const hfTok = await AutoTokenizer.from_pretrained(basename(dir));
  const hf = await AutoModelForCausalLM.from_pretrained(basename(dir), { device: 'cpu', dtype });
  const inputs = hfTok(hfTok.decode(prompt, { skip_special_tokens: false }), { add_special_tokens: false });
  t = performance.now();
  await hf.generate({ ...inputs, max_new_tokens: tokens, min_new_tokens: tokens, do_sample: false });
  const hfRate = tokens / secondsSince(t);
  console.log(JSON.stringify({
    model: `${basename(dir)} ${dtype}`, 'file MB': (m.onnxBytes / 1e6).toFixed(0), 'load s': loadS.toFixed(1), 'surgery s': surgeryS.toFixed(2),
    'prefill tok/s': prefill.toFixed(1), 'decode b1 tok/s': b1.perToken.toFixed(2), 'decode b16 tok/s (row masks)': b16.perToken.toFixed(2),
    'log-prob cells/s (b16)': cells.toFixed(2), 'peak RSS MB': peak.toFixed(0),
    'transformers.js tok/s': hfRate.toFixed(2), 'ours/t.js': (tokens / b1.total / hfRate).toFixed(2),
  }));
}

const { values } = parseArgs({ options: { models: { type: 'string' }, tokens: { type: 'string', default: '16' }, one: { type: 'string' } } });
const tokens = Number(values.tokens);
if (values.one) {
  const [dir, dtype] = values.one.split(':');
  await measure(dir, dtype as ModelDtype, tokens);
} else {
  const models = values.models ? values.models.split(',') : DEFAULT_MODELS;
  const rows: Record<string, string>[] = [];
  const notes: string[] = [];
  for (const spec of models) {
    const [dir, dtype] = spec.split(':');
    if (!existsSync(join(dir, onnxFileFor(dtype as ModelDtype)))) {
      notes.push(`${spec}: not written (npm run standin -- --shape ${basename(dir)} --dtype ${dtype} --out ${dir})`);
      continue;
    }
    process.stderr.write(`measuring ${spec}\n`);
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/realSize.ts', '--one', spec, '--tokens', String(tokens)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    if (child.status === 0 && line.startsWith('{')) rows.push(JSON.parse(line));
    else notes.push(`${spec}: failed (exit ${child.status}): ${child.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  }
  report({
    name: 'realSize',
    command: `npx tsx bench/realSize.ts${values.models ? ` --models ${values.models}` : ''} --tokens ${tokens}`,
    machine: machineDescription(),
    date: new Date().toISOString(),
    rows,
    notes: [
      `decode rates exclude the prefill step; ours/t.js compares whole ${tokens}-token generate() calls at batch 1 (prefill included)`,
      'HeadLab runs onnxruntime-node with one intra-op thread, transformers.js with its defaults',
      ...notes,
    ],
  });
}
