/**
 * Could the rows that leave their draft be drafted too? For every pruned
 * cell of a sweep of the bundled model whose greedy answer leaves the
 * unpruned one, this counts the decode steps from the divergence on (one
 * token each), and the verification passes a speculative loop would need
 * with two drafters: the rest of the unpruned answer at the same offset,
 * and the longest n-gram match (n = 3, 2, 1) in prompt, draft and answer so
 * far, 16 tokens per proposal. Answers come from plain greedy decoding.
 * usage: npx tsx bench/divergedDrafts.ts [--problems 40]
 */
import { parseArgs } from 'node:util';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../src/node/loadNodeModel';
import { headMaskTransform } from '../src/engine/onnx/addHeadMask';
import { generate } from '../src/engine/model/generate';
import { buildPromptIds } from '../src/engine/model/prompt';
import { benchSweepFile } from './benchSweepFile';
import { machineDescription, report } from './benchTable';

const { values } = parseArgs({ options: { problems: { type: 'string', default: '40' } } });
const model = await loadNodeModel(BUNDLED_MODEL_DIR, { transform: headMaskTransform() });
const count = Number(values.problems);
const file = benchSweepFile({ fingerprint: model.fingerprint, mode: 'generate', seed: 13, count });
const perRow = model.spec.numLayers * model.spec.numHeads;
const prompts = file.problems.map((p) => buildPromptIds(model.tokenizer, p.question, model.spec, file.maxNewTokens));
const drafts = await generate(model.decoder, prompts, { maxNewTokens: file.maxNewTokens });
const END = -1;
const PROPOSAL = 16;

/** Passes a speculative loop needs to reach `target` from `start` tokens, each accepting the matching proposal prefix plus one token. */
function passes(target: number[], start: number, propose: (done: number[]) => number[]): number {
  let done = target.slice(0, start);
  let n = 0;
  while (done.length < target.length) {
    n++;
    const proposal = propose(done);
    let accepted = 0;
    while (accepted < proposal.length && done.length + accepted < target.length && proposal[accepted] === target[done.length + accepted]) accepted++;
    done = target.slice(0, done.length + accepted + 1);
  }
  return n;
}

let cells = 0, diverged = 0, steps = 0, offsetPasses = 0, ngramPasses = 0;
const distinct = new Set<string>();
for (let p = 0; p < count; p++) {
  const mask = new Float32Array(perRow * perRow).fill(1);
  for (let r = 0; r < perRow; r++) mask[r * perRow + r] = 0;
  const answers = await generate(model.decoder, Array(perRow).fill(prompts[p]), { maxNewTokens: file.maxNewTokens, headMask: mask });
  const draft = [...drafts[p], END];
  for (const answer of answers) {
    cells++;
    const target = [...answer, END];
    let at = 0;
    while (at < target.length && target[at] === draft[at]) at++;
    if (at === target.length) continue;
    diverged++;
    distinct.add(`${p}:${answer.join(',')}`);
    // From the row's own token at `at` on, one decode step per token (the end included).
    steps += target.length - at - 1;
    offsetPasses += passes(target, at + 1, (done) => draft.slice(done.length, done.length + PROPOSAL));
    ngramPasses += passes(target, at + 1, (done) => {
      const history = [...prompts[p], ...draft, ...done];
      for (const n of [3, 2, 1]) {
        if (done.length < n) continue;
        const tail = done.slice(-n);
        for (let i = history.length - done.length - n; i >= 0; i--) if (tail.every((t, j) => history[i + j] === t)) return history.slice(i + n, i + n + PROPOSAL);
      }
      return [];
    });
  }
}
report({
  name: 'diverged-drafts',
  command: `npx tsx bench/divergedDrafts.ts --problems ${count}`,
  machine: machineDescription(),
  date: new Date().toISOString(),
  rows: [
    { drafter: 'none (one token per step)', passes: steps, 'vs one token per step': '1.00x' },
    { drafter: 'the rest of the unpruned answer, same offset', passes: offsetPasses, 'vs one token per step': `${(steps / offsetPasses).toFixed(2)}x` },
    { drafter: 'n-gram match in prompt, draft and answer', passes: ngramPasses, 'vs one token per step': `${(steps / ngramPasses).toFixed(2)}x` },
  ],
  notes: [`${cells} pruned cells (48 single heads x ${count} problems of seed 13); ${diverged} leave their draft, with ${distinct.size} distinct answers among them`],
});
