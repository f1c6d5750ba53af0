/**
 * One question under every single-head pruning: its greedy answer with
 * nothing pruned and with each head pruned alone, and what each pruning
 * did to it. A one-problem sweep, so it runs on the sweep's draft-verified
 * path: the unpruned answer is decoded once and each head's answer is
 * confirmed against it in a batched pass, decoding on only where it differs.
 */
import type { LoadedModel } from '../model/loadModel';
import { gradeAnswer } from '../grading/gradeAnswer';
import { runSweep } from './runSweep';
import { singleHeadConfigs, SWEEP_SCHEMA, SWEEP_VERSION, type SweepFile } from './sweepSchema';

/**
 * With a reference: `fixes` (wrong unpruned, right pruned), `breaks` (the
 * reverse), `changes` (another answer, equally right or wrong), `same`.
 * Without one only `changes` and `same` can be told.
 */
export type HeadOutcome = 'fixes' | 'breaks' | 'changes' | 'same';

export interface HeadAnswer {
  predicted: string | null;
  /** Against the reference; false when there is none. */
  correct: boolean;
  tokens: number;
}

export interface EveryHeadReport {
  question: string;
  /** Empty when none was given: outcomes then say only whether the answer changed. */
  reference: string;
  unpruned: HeadAnswer;
  /** numLayers * numHeads entries, layer-major. */
  heads: (HeadAnswer & { layer: number; head: number; outcome: HeadOutcome })[];
  seconds: number;
}

export function outcomeOf(unpruned: HeadAnswer, pruned: HeadAnswer, graded: boolean): HeadOutcome {
  if (graded && !unpruned.correct && pruned.correct) return 'fixes';
  if (graded && unpruned.correct && !pruned.correct) return 'breaks';
  return pruned.predicted === unpruned.predicted ? 'same' : 'changes';
}

export interface EveryHeadOptions {
  maxNewTokens: number;
  /** Rows per verification pass. */
  batchRows: number;
  signal?: AbortSignal;
}

/** Runs `question` unpruned and under each single head pruned; `reference` may be empty. */
export async function everyHead(model: LoadedModel, question: string, reference: string, options: EveryHeadOptions): Promise<EveryHeadReport> {
  const { numLayers, numHeads } = model.spec;
  const started = performance.now();
  const file: SweepFile = {
    schema: SWEEP_SCHEMA, version: SWEEP_VERSION, mode: 'generate', maxNewTokens: options.maxNewTokens,
    model: { name: 'the loaded model', fingerprint: model.fingerprint, numLayers, numHeads },
    problems: [{ id: 'question', question, reference }],
    configs: singleHeadConfigs(numLayers, numHeads),
    cells: [],
  };
  const graded = reference.trim() !== '';
  const grade = (output: string, ref: string) => (graded ? gradeAnswer(output, ref) : { predicted: gradeAnswer(output, '').predicted, correct: false });
  const { cells } = await runSweep(model, file, { batchRows: options.batchRows, grade, signal: options.signal });
  const answers = new Map(cells.map((c) => [c.config, { predicted: c.predicted ?? null, correct: !!c.correct, tokens: c.tokens ?? 0 }]));
  const unpruned = answers.get(0)!;
  const heads = file.configs.slice(1).map((config, i) => {
    const [[layer, head]] = config;
    const answer = answers.get(i + 1)!;
    return { layer, head, ...answer, outcome: outcomeOf(unpruned, answer, graded) };
  });
  return { question, reference, unpruned, heads, seconds: (performance.now() - started) / 1000 };
}
