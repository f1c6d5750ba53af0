/**
 * Runs a sweep: every (configuration, problem) cell not yet done, packed
 * into batches whose rows each carry their own prompt and head mask, so one
 * session.run evaluates many prunings at once. Cells are batched in order of
 * prompt length, so a batch's prompts need little left padding (the cache,
 * and every attention step, grows with the longest prompt in the batch);
 * the returned file lists them in the usual order all the same.
 */
import type { LoadedModel } from '../model/loadModel';
import { generate } from '../model/generate';
import { DEFAULT_DECODE, GREEDY_DECODING, type DecodeMode } from '../verify/greedyDecoding';
import { buildPromptIds } from '../model/prompt';
import { scoreContinuations } from '../model/scoreTokens';
import { maskFor, pendingCells, type SweepCell, type SweepFile } from './sweepSchema';
import { checkpoint } from '../model/checkpoint';

export interface SweepRunOptions {
  /** Rows per batch (configurations x problems interleaved). */
  batchRows: number;
  /** Grades one generated output against a problem's reference. */
  grade(output: string, reference: string): { predicted: string | null; correct: boolean };
  signal?: AbortSignal;
  /** How generate-mode cells are decoded: verified against the unpruned answer (the default), or plainly. */
  decode?: DecodeMode;
  /** Batches per decoding call, overriding the decoding's own batchesPerCall: for bench/verifyPool.ts. */
  batchesPerCall?: number;
  /** Called with each batch's new cells, for saving as they arrive. */
  onCells?(cells: SweepCell[], done: number, total: number): void;
}

/** Runs the pending cells and returns the file with them added. */
export async function runSweep(model: LoadedModel, file: SweepFile, options: SweepRunOptions): Promise<SweepFile> {
  const { numLayers, numHeads } = model.spec;
  if (numLayers !== file.model.numLayers || numHeads !== file.model.numHeads) {
    throw new Error(`The sweep is for ${file.model.numLayers} x ${file.model.numHeads} heads; the loaded model has ${numLayers} x ${numHeads}.`);
  }
  const ordered = pendingCells(file);
  const cells = [...file.cells];
  const promptCache = new Map<number, number[]>();
  const prompt = (p: number) => {
    if (!promptCache.has(p)) promptCache.set(p, buildPromptIds(model.tokenizer, file.problems[p].question, model.spec, file.maxNewTokens));
    return promptCache.get(p)!;
  };
  const decode = (ids: number[]) => model.tokenizer.decode(ids, { skip_special_tokens: true });
  const perRow = numLayers * numHeads;
  // Equal lengths by problem, so one problem's configurations stay together (the file lists cells by configuration).
  const pending = ordered.map((c, index) => ({ ...c, index })).sort((a, b) => prompt(a.problem).length - prompt(b.problem).length || a.problem - b.problem);
  const results: SweepCell[] = new Array(ordered.length);
  const decodeMode = file.mode === 'generate' ? (options.decode ?? DEFAULT_DECODE) : 'plain';
  const greedy = GREEDY_DECODING[decodeMode];
  // Passes read batchRows rows each, but a call may cover several batches, so that rows leaving their
  // draft decode on together: a few rows decoding alone would pay a whole step's cost for each token.
  const rowsPerCall = options.batchRows * (options.batchesPerCall ?? greedy.batchesPerCall);
  // Each problem's unpruned answer, decoded once: verified decoding checks every configuration against it.
  const drafts = new Map<number, number[]>();
  const draftsFrom = async (s: number) => {
    const call = new Set(pending.slice(s, s + rowsPerCall).map((c) => c.problem));
    if (!greedy.readsDrafts || [...call].every((p) => drafts.has(p))) return;
    // This call's problems, and those just ahead up to a batch of them, draft together: one row alone pays a whole step per token.
    const ahead = [...new Set(pending.slice(s).map((c) => c.problem))].filter((p) => !drafts.has(p));
    const missing = ahead.filter((p, i) => call.has(p) || i < options.batchRows);
    const answers = await generate(model.decoder, missing.map(prompt), { maxNewTokens: file.maxNewTokens, signal: options.signal });
    missing.forEach((p, i) => drafts.set(p, answers[i]));
  };

  for (let s = 0; s < pending.length; s += rowsPerCall) {
    await checkpoint(options.signal);
    const batch = pending.slice(s, s + rowsPerCall).map(({ index, ...cell }) => cell);
    const headMask = new Float32Array(batch.length * perRow);
    batch.forEach((c, r) => headMask.set(maskFor(file.configs[c.config], numLayers, numHeads), r * perRow));
    const prompts = batch.map((c) => prompt(c.problem));
    let fresh: SweepCell[];
    if (file.mode === 'generate') {
      await draftsFrom(s);
      const outputs = await greedy.run(model.decoder, prompts, {
        maxNewTokens: file.maxNewTokens, headMask, signal: options.signal, chunkRows: options.batchRows,
        drafts: greedy.readsDrafts ? batch.map((c) => drafts.get(c.problem)!) : undefined,
      });
      fresh = batch.map((c, r) => ({ ...c, ...options.grade(decode(outputs[r]), file.problems[c.problem].reference), tokens: outputs[r].length }));
    } else {
      const target = (p: number) => file.problems[p].solution ?? file.problems[p].reference;
      const targets = batch.map((c) => model.tokenizer.encode(target(c.problem), { add_special_tokens: false }));
      const scores = await scoreContinuations(model.decoder, prompts, targets, headMask);
      fresh = batch.map((c, r) => ({ ...c, logprob: scores[r] }));
    }
    fresh.forEach((cell, r) => (results[pending[s + r].index] = cell));
    options.onCells?.(fresh, s + batch.length, pending.length);
  }
  cells.push(...results);
  return { ...file, cells };
}
