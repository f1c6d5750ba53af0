/**
 * Question in, answer text out: the chat template, batched greedy
 * generation and decoding, shared by the worker, the CLI and the tests.
 */
import type { LoadedModel } from './loadModel';
import { buildPromptIds } from './prompt';
import { generate } from './generate';
import { generateVerified } from '../verify/verifiedGenerate';

/** Rows per verification pass and per batch decoding on (as a CLI sweep's default batch). */
const VERIFY_ROWS = 32;

export interface Solution {
  text: string;
  /** Generated token ids, without the end-of-sequence token. */
  tokens: number[];
}

export interface SolveOptions {
  maxNewTokens: number;
  /** Heads to prune, one [layers, heads] mask (1 keeps, 0 prunes) applied to every question. */
  headMask?: Float32Array;
  signal?: AbortSignal;
  /** Streams each row's decoded text and token ids so far (not with drafts: verified rows are not decoded step by step). */
  onText?: (texts: string[], tokens: readonly number[][]) => void;
  /**
   * Each question's unpruned greedy answer, when known: with a headMask the
   * answers are then verified against them (verify/verifiedGenerate), not
   * decoded token by token. The same answers either way.
   */
  drafts?: number[][];
}

/** [rows, ...mask] from one mask. */
function repeatRows(mask: Float32Array, rows: number): Float32Array {
  const out = new Float32Array(mask.length * rows);
  for (let r = 0; r < rows; r++) out.set(mask, r * mask.length);
  return out;
}

/** Greedy answers to `questions`, generated together as one batch. */
export async function solveQuestions(model: LoadedModel, questions: string[], options: SolveOptions): Promise<Solution[]> {
  const { tokenizer, spec, decoder } = model;
  const prompts = questions.map((q) => buildPromptIds(tokenizer, q, spec, options.maxNewTokens));
  const decode = (ids: number[]) => tokenizer.decode(ids, { skip_special_tokens: true });
  const onStep = options.onText ? (rows: readonly number[][]) => options.onText!(rows.map(decode), rows) : undefined;
  const headMask = options.headMask ? repeatRows(options.headMask, questions.length) : undefined;
  const tokens = options.drafts && headMask
    ? await generateVerified(decoder, prompts, { maxNewTokens: options.maxNewTokens, signal: options.signal, headMask, drafts: options.drafts, chunkRows: VERIFY_ROWS })
    : await generate(decoder, prompts, { maxNewTokens: options.maxNewTokens, signal: options.signal, onStep, headMask });
  return tokens.map((t) => ({ text: decode(t), tokens: t }));
}
