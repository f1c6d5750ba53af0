/**
 * Encodes mixed-family problems for train_mix.py, like write-corpus.ts does
 * for the plain model, plus what the gated training needs: each problem's
 * family, and for a distracted problem a second row with its family's noisy
 * shortcut solution right after the clean one.
 *
 * Per split: <split>.tokens.u16 and <split>.index.i32, 8 int32 per row:
 * offset, length, prompt length, level, final answer, family index,
 * kind (0 clean, 1 shortcut), distracted (0/1).
 *
 * usage: tsx training/write-mix-corpus.ts <model-dir> <out-dir> <train-count>
 */
import { mkdirSync } from 'node:fs';
import { localTokenizer, promptIds, writeSplit } from './corpusFiles';
import { FAMILIES, MIX_LEVELS, mixProblem, mixProblems, type MixProblem } from '../src/engine/problems/mix/mixProblems';
import { EVAL_SPLIT_SIZE, MIX_EVAL_SEEDS, MIX_TRAINING_SEED, VALIDATION_SEED } from '../src/engine/problems/splits';

const [modelDir, outDir, trainCountArg] = process.argv.slice(2);
if (!modelDir || !outDir || !trainCountArg) throw new Error('usage: tsx training/write-mix-corpus.ts <model-dir> <out-dir> <train-count>');
const trainCount = Number(trainCountArg);

const tokenizer = await localTokenizer(modelDir);
const eos = tokenizer.eos_token_id as number;

function evalQuestions(seeds: readonly number[]): Set<string> {
  const seen = new Set<string>();
  for (const seed of seeds) {
    for (const level of [undefined, ...MIX_LEVELS]) {
      for (const p of mixProblems({ seed, count: EVAL_SPLIT_SIZE, level })) seen.add(p.question);
    }
  }
  return seen;
}

function write(split: string, problems: MixProblem[]): void {
  const tokens: number[] = [];
  const index: number[] = [];
  for (const p of problems) {
    const prompt = promptIds(tokenizer, p.question);
    const family = FAMILIES.indexOf(p.family);
    const row = (answer: string, final: number, kind: number) => {
      const target = tokenizer.encode(answer, { add_special_tokens: false });
      index.push(tokens.length, prompt.length + target.length + 1, prompt.length, p.level, final, family, kind, Number(p.distracted));
      tokens.push(...prompt, ...target, eos);
    };
    row(p.answer, p.final, 0);
    if (p.shortcut) row(p.shortcut.answer, p.shortcut.final, 1);
  }
  writeSplit(outDir, split, tokens, index);
  process.stderr.write(`${split}: ${problems.length} problems, ${index.length / 8} rows, ${tokens.length} tokens\n`);
}

mkdirSync(outDir, { recursive: true });
const held = evalQuestions([VALIDATION_SEED, ...MIX_EVAL_SEEDS]);
write('valid', mixProblems({ seed: VALIDATION_SEED, count: 400 }));

const train: MixProblem[] = [];
let dropped = 0;
for (let i = 0; train.length < trainCount; i++) {
  const p = mixProblem(MIX_TRAINING_SEED, i);
  if (held.has(p.question)) dropped++;
  else train.push(p);
}
process.stderr.write(`dropped ${dropped} training problems that also occur in validation or evaluation sets\n`);
write('train', train);
