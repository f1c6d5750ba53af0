/**
 * Encodes synthetic problems with the bundled tokenizer (the same
 * transformers.js code the app uses) into flat binary files for train.py.
 *
 * Per split: <split>.tokens.u16 (all token ids, concatenated) and
 * <split>.index.i32 (per example: offset, length, prompt length, level, final answer).
 * The prompt is the chat template with the generation prompt; the target is
 * the solution followed by </s>.
 *
 * usage: tsx training/write-corpus.ts <model-dir> <out-dir> <train-count>
 */
import { mkdirSync } from 'node:fs';
import { localTokenizer, promptIds, writeSplit } from './corpusFiles';
import { syntheticProblem, syntheticProblems, LEVELS, type SyntheticProblem } from '../src/engine/problems/synthetic';
import { EVAL_SPLIT_SIZE, HELD_OUT_SEED, TRAINING_SEED_BASE, VALIDATION_SEED } from '../src/engine/problems/splits';

const [modelDir, outDir, trainCountArg] = process.argv.slice(2);
if (!modelDir || !outDir || !trainCountArg) throw new Error('usage: tsx training/write-corpus.ts <model-dir> <out-dir> <train-count>');
const trainCount = Number(trainCountArg);

const tokenizer = await localTokenizer(modelDir);
const eos = tokenizer.eos_token_id as number;

function evalQuestions(seed: number): Set<string> {
  const seen = new Set<string>();
  for (const level of [undefined, ...LEVELS]) {
    for (const p of syntheticProblems({ seed, count: EVAL_SPLIT_SIZE, level })) seen.add(p.question);
  }
  return seen;
}

function write(split: string, problems: SyntheticProblem[]): void {
  const tokens: number[] = [];
  const index: number[] = [];
  for (const p of problems) {
    const prompt = promptIds(tokenizer, p.question);
    const target = tokenizer.encode(p.answer, { add_special_tokens: false });
    index.push(tokens.length, prompt.length + target.length + 1, prompt.length, p.level, p.final);
    tokens.push(...prompt, ...target, eos);
  }
  writeSplit(outDir, split, tokens, index);
  const maxLen = problems.reduce((m, _, i) => Math.max(m, index[i * 5 + 1]), 0);
  process.stderr.write(`${split}: ${problems.length} problems, ${tokens.length} tokens, longest ${maxLen}\n`);
}

mkdirSync(outDir, { recursive: true });
const heldOut = evalQuestions(HELD_OUT_SEED);
const validation = evalQuestions(VALIDATION_SEED);
write('valid', syntheticProblems({ seed: VALIDATION_SEED, count: 400 }));

const train: SyntheticProblem[] = [];
let dropped = 0;
for (let i = 0; train.length < trainCount; i++) {
  const p = syntheticProblem(TRAINING_SEED_BASE, i);
  if (heldOut.has(p.question) || validation.has(p.question)) dropped++;
  else train.push(p);
}
process.stderr.write(`dropped ${dropped} training problems that also occur in validation or held-out sets\n`);
write('train', train);
