/**
 * Log-prob scoring in the graph (token_logprobs, engine/onnx/tokenLogprobOutputs)
 * against fetching every position's logits and taking the log-softmax in
 * JS, on one loaded model, in alternating rounds: 16 rows (one head pruned
 * in each) of the real-size prompt plus a 16-token target, as a log-prob
 * sweep scores them. Reports each way's wall and process CPU seconds per
 * batch, the ratio, and the largest difference between their scores.
 * usage: npx tsx bench/logprobScoring.ts [--model .cache/standins/qwen2.5-0.5b:q4f16] [--rounds 3]
 */
import { parseArgs } from 'node:util';
import { headMaskTransform } from '../src/engine/onnx/addHeadMask';
import type { ModelDtype } from '../src/engine/model/modelFiles';
import { padPrompts } from '../src/engine/model/generate';
import { buildPromptIds } from '../src/engine/model/prompt';
import { scoreContinuations } from '../src/engine/model/scoreTokens';
import { loadNodeModel } from '../src/node/loadNodeModel';
import { machineDescription, report } from './benchTable';

const { values } = parseArgs({ options: { model: { type: 'string', default: '.cache/standins/qwen2.5-0.5b:q4f16' }, rounds: { type: 'string', default: '3' } } });
const [dir, dtype] = values.model!.split(':') as [string, ModelDtype];
const m = await loadNodeModel(dir, { dtype, transform: headMaskTransform() });
const prompt = buildPromptIds(m.tokenizer, 'Mia has 5 apples. Mia buys 3 more apples. How many apples does Mia have now?', m.spec, 16);
const target = Array.from(m.tokenizer.encode('Mia has 5 + 3 = 8 apples. The answer is 8.', { add_special_tokens: false }) as number[]).slice(0, 16);
const rows = 16;
const { numLayers, numHeads } = m.spec;
const headMask = new Float32Array(rows * numLayers * numHeads).fill(1);
for (let r = 0; r < rows; r++) headMask[r * numLayers * numHeads + (r % (numLayers * numHeads))] = 0;

/** The way scoring worked before token_logprobs: every position's logits to JS, log-softmax there. */
async function scoreFromLogits(): Promise<Float64Array> {
  const full = [...prompt, ...target];
  const { ids, mask, pos } = padPrompts(Array.from({ length: rows }, () => full), 0n);
  const { logits } = await m.decoder.step({ inputIds: ids, attentionMask: mask, positionIds: pos, batch: rows, past: m.decoder.emptyPast(rows), headMask, allLogits: true, noCache: true });
  const vocab = m.spec.vocabSize;
  return Float64Array.from({ length: rows }, (_, b) => {
    let sum = 0;
    for (let t = 0; t < target.length; t++) {
      const row = logits!.subarray((b * full.length + prompt.length + t - 1) * vocab, (b * full.length + prompt.length + t) * vocab);
      let max = -Infinity;
      for (const x of row) max = Math.max(max, x);
      let z = 0;
      for (const x of row) z += Math.exp(x - max);
      sum += row[target[t]] - max - Math.log(z);
    }
    return sum;
  });
}

/** Scores the batch one way or the other, timed. */
async function timed(inGraph: boolean): Promise<{ wall: number; cpu: number; scores: Float64Array }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const scores = inGraph ? await scoreContinuations(m.decoder, Array.from({ length: rows }, () => prompt), Array.from({ length: rows }, () => target), headMask) : await scoreFromLogits();
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / 1e6, scores };
}

const results: { round: number; way: string; wall: number; cpu: number }[] = [];
let maxDiff = 0;
for (let round = 1; round <= Number(values.rounds); round++) {
  const graph = await timed(true);
  const js = await timed(false);
  graph.scores.forEach((s, i) => (maxDiff = Math.max(maxDiff, Math.abs(s - js.scores[i]))));
  results.push({ round, way: 'in the graph', wall: graph.wall, cpu: graph.cpu }, { round, way: 'all logits to JS', wall: js.wall, cpu: js.cpu });
}
const median = (way: string, key: 'wall' | 'cpu') => results.filter((r) => r.way === way).map((r) => r[key]).sort((a, b) => a - b)[Math.floor(Number(values.rounds) / 2)];
report({
  name: 'logprob-scoring',
  command: `npx tsx bench/logprobScoring.ts --model ${values.model} --rounds ${values.rounds}`,
  machine: machineDescription(),
  date: new Date().toISOString(),
  rows: results.map((r) => ({ round: r.round, way: r.way, 'wall s': r.wall.toFixed(2), 'cpu s': r.cpu.toFixed(2), 'cells/s': (rows / r.wall).toFixed(2) })),
  notes: [
    `${basename(dir)} ${dtype}: ${rows} rows of ${prompt.length} + ${target.length} tokens, vocabulary ${m.spec.vocabSize}`,
    `median wall ratio (all logits / in the graph) ${(median('all logits to JS', 'wall') / median('in the graph', 'wall')).toFixed(2)}x, cpu ratio ${(median('all logits to JS', 'cpu') / median('in the graph', 'cpu')).toFixed(2)}x`,
    `largest |score difference| between the two ways: ${maxDiff.toExponential(2)} nats`,
  ],
});

function basename(p: string): string {
  return p.split('/').filter(Boolean).pop()!;
}
