/**
 * One decoder forward step over an onnxruntime session with the standard
 * KV-cache I/O. The runtime (onnxruntime-web in the worker,
 * onnxruntime-node in the CLI and tests) is injected: engine code only sees
 * its types, so it runs unchanged in both places.
 */
import type { InferenceSession, Tensor } from 'onnxruntime-common';
import type { DecoderSpec } from './modelConfig';
import { InvalidRequestError, UnsupportedModelError } from './errors';
import { appendRows } from './kvCache';
import { floatData } from './halfFloats';
import { greedyOfLogits, type DivergedCache, type GreedyRead } from './greedyRead';
import type { LayerSkip } from '../verify/layerSkip';
import { DIVERGED_ROWS, DRAFT_NEXT, divergedKvName } from '../onnx/divergedCacheOutputs';

/** The Tensor class of whichever onnxruntime is in use. */
export type TensorClass = typeof Tensor;

export interface StepInput {
  /** [batch, seq] */
  inputIds: BigInt64Array;
  /** [batch, past + seq] */
  attentionMask: BigInt64Array;
  /** [batch, seq] */
  positionIds: BigInt64Array;
  batch: number;
  /** From emptyPast() or the previous step's present. */
  past: Tensor[];
  /** [batch, layers, heads], 1 keeps and 0 prunes; all ones when absent. */
  headMask?: Float32Array;
  /** Also return the logits of every position. */
  allLogits?: boolean;
  /** Also return last_hidden_state (sessions built with the surgery's hidden-state output). */
  hidden?: boolean;
  /** Return only this step's keys and values (kvStep), not present; needs hasKvStep. */
  stepOnly?: boolean;
  /** A one-shot pass (scoring, embedding): no cache leaves the runtime, present is empty. */
  noCache?: boolean;
  /** [K] positions whose next token's log-prob token_logprobs gives (sessions with hasTokenLogprobs); none when absent. */
  scorePositions?: BigInt64Array;
  /** With hasLogitsToKeep: the LM head runs on the last K positions only; 0 or absent: every position. */
  logitsToKeep?: number;
  /** [batch, K] the token a greedy read expects at each position it reads, -1 where none (sessions with hasDivergedCache; see onnx/divergedCacheOutputs). */
  draftNext?: BigInt64Array;
}

/** Logits of the last position of each row, and the cache to feed next. */
export interface StepOutput {
  /** [batch, vocab], row-major. */
  lastLogits: Float32Array;
  /** [batch, seq, vocab], when allLogits was asked for. */
  logits?: Float32Array;
  /** [batch, seq, hidden] final hidden state, when asked for. */
  hidden?: Float32Array;
  /** 2 * numLayers tensors [batch, kvHeads, total, headDim]: key, value per layer; empty with stepOnly. */
  present: Tensor[];
  /** With stepOnly: 2 * numLayers arrays [batch, kvHeads, seq, headDim], this step's keys and values (float16 bits when kvType is float16). */
  kvStep?: (Float32Array | Uint16Array)[];
}

export class DecoderSession {
  readonly hasPositionIds: boolean;
  /** True when the session was built with the head_mask input (see engine/onnx). */
  readonly hasHeadMask: boolean;
  /**
   * False for fused GroupQueryAttention exports: that op takes each row's
   * positions from its count of attended tokens and reads a left-padded
   * prompt wrongly, so rows of different lengths must run apart (generate
   * and scoreContinuations group them by length).
   */
  readonly paddedBatches: boolean;
  /** True when the graph gathers target log-probs itself (engine/onnx/tokenLogprobOutputs). */
  readonly hasTokenLogprobs: boolean;
  /** True when the session outputs this step's keys and values alone (engine/onnx/kvStepOutputs). */
  readonly hasKvStep: boolean;
  /** True when the graph gives each position's argmax and top-two margin itself (engine/onnx/greedyOutputs). */
  readonly hasGreedyOutputs: boolean;
  /** True when the LM head can run on the last positions only (engine/onnx/logitsToKeep). */
  readonly hasLogitsToKeep: boolean;
  /** True when a greedy read can give the cache of the rows that left their draft alone (engine/onnx/divergedCacheOutputs). */
  readonly hasDivergedCache: boolean;
  /** The cache's element type: float16 in fp16 and q4f16 exports, whose past_key_values inputs are float16. */
  readonly kvType: 'float32' | 'float16';
  /** Set by the loader on small models: verification starts each row at its first pruned layer (verify/layerSkip). */
  layerSkip?: LayerSkip;
  /** With hasKvStep: the outputs to fetch, so the full present tensors never leave the runtime. */
  private readonly kvStepNames: string[];
  private queue: Promise<unknown> = Promise.resolve();

  /** Checks that the session has the decoder I/O the engine drives. */
  constructor(readonly session: InferenceSession, readonly Tensor: TensorClass, readonly spec: DecoderSpec, opts: { paddedBatches?: boolean } = {}) {
    this.paddedBatches = opts.paddedBatches ?? true;
    const inputs = new Set(session.inputNames);
    const outputs = new Set(session.outputNames);
    const missing = ['input_ids', 'attention_mask'].filter((n) => !inputs.has(n));
    if (!outputs.has('logits')) missing.push('logits (output)');
    for (let i = 0; i < spec.numLayers; i++) {
      for (const kv of ['key', 'value']) {
        if (!inputs.has(`past_key_values.${i}.${kv}`)) missing.push(`past_key_values.${i}.${kv}`);
        if (!outputs.has(`present.${i}.${kv}`)) missing.push(`present.${i}.${kv} (output)`);
      }
    }
    if (missing.length) {
      const shown = missing.slice(0, 6).join(', ') + (missing.length > 6 ? `, and ${missing.length - 6} more` : '');
      throw new UnsupportedModelError(
        `The ONNX model lacks the decoder KV-cache inputs and outputs HeadLab needs: ${shown}. ` +
          'Export it with past key values (optimum: --task text-generation-with-past).',
      );
    }
    this.hasPositionIds = inputs.has('position_ids');
    this.hasHeadMask = inputs.has('head_mask');
    this.kvStepNames = Array.from({ length: spec.numLayers }, (_, i) => [`kv_step.${i}.key`, `kv_step.${i}.value`]).flat();
    this.hasKvStep = this.kvStepNames.every((n) => outputs.has(n));
    this.hasTokenLogprobs = inputs.has('score_positions') && outputs.has('token_logprobs');
    this.hasGreedyOutputs = outputs.has('greedy_tokens') && outputs.has('greedy_margins');
    this.hasLogitsToKeep = inputs.has('num_logits_to_keep');
    this.hasDivergedCache = inputs.has(DRAFT_NEXT) && outputs.has(DIVERGED_ROWS);
    const pastMeta = session.inputMetadata?.find((m) => m.name === 'past_key_values.0.key');
    this.kvType = pastMeta?.isTensor && pastMeta.type === 'float16' ? 'float16' : 'float32';
  }

  /** An empty cache: 2 * numLayers tensors [batch, kvHeads, 0, headDim] of kvType. */
  emptyPast(batch: number): Tensor[] {
    const { numLayers, numKvHeads, headDim } = this.spec;
    const empty = () => (this.kvType === 'float16' ? new this.Tensor('float16', new Uint16Array(0), [batch, numKvHeads, 0, headDim]) : new this.Tensor('float32', new Float32Array(0), [batch, numKvHeads, 0, headDim]));
    return Array.from({ length: 2 * numLayers }, empty);
  }

  /**
   * One forward pass. Runs are queued: onnxruntime sessions must not run
   * concurrently. The input's past tensors are disposed here.
   */
  step(input: StepInput): Promise<StepOutput> {
    return this.queued(() => this.runStep(input));
  }

  /** Runs `run` after every pass queued before it. */
  private queued<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * One pass that fetches only token_logprobs: [batch, K] log p(input_ids[b, p + 1] | ..p)
   * for each p of input.scorePositions. Nothing else leaves the runtime; needs hasTokenLogprobs.
   */
  tokenLogprobs(input: StepInput): Promise<Float32Array> {
    if (!this.hasTokenLogprobs) return Promise.reject(new InvalidRequestError('This session has no token_logprobs output: load the model with it to score in the graph.'));
    return this.queued(async () => {
      const out = await this.session.run(this.feeds(input), ['token_logprobs']);
      for (const t of input.past) t.dispose();
      const data = (await out.token_logprobs.getData()) as Float32Array;
      out.token_logprobs.dispose();
      return data;
    });
  }

  /**
   * A teacher-forced pass read greedily: per position the argmax token and
   * the top logit's margin over the runner-up, each [batch, seq]. With
   * input.draftNext on a session with hasDivergedCache, also the rows whose
   * argmax left it and their keys and values (GreedyRead.diverged). Without
   * the greedy outputs the logits are fetched and read here: same tokens, more copying.
   */
  greedyRead(input: StepInput): Promise<GreedyRead> {
    return this.queued(async () => {
      const diverged = input.draftNext && this.hasDivergedCache ? divergedNames(this.spec.numLayers) : [];
      const names = this.hasGreedyOutputs ? ['greedy_tokens', 'greedy_margins'] : ['logits'];
      const out = await this.session.run(this.feeds(input), [...names, ...diverged]);
      for (const t of input.past) t.dispose();
      let read: GreedyRead;
      if (this.hasGreedyOutputs) {
        const ids = (await out.greedy_tokens.getData()) as BigInt64Array;
        read = { tokens: Int32Array.from(ids, Number), margins: (await out.greedy_margins.getData()) as Float32Array };
      } else {
        read = greedyOfLogits(floatData(out.logits.type, await out.logits.getData()), out.logits.dims[2]);
      }
      if (diverged.length) read.diverged = await readDiverged(out, this.spec.numLayers);
      for (const t of Object.values(out)) t.dispose();
      return read;
    });
  }

  private async runStep(input: StepInput): Promise<StepOutput> {
    const { inputIds, batch, past, allLogits, hidden, stepOnly, noCache } = input;
    if (stepOnly && !this.hasKvStep) throw new InvalidRequestError('This session has no kv_step outputs: load the model with them to ask for stepOnly.');
    if (hidden && !this.session.outputNames.includes('last_hidden_state')) {
      throw new InvalidRequestError('This session has no last_hidden_state output: load the model with the hidden-state output enabled.');
    }
    const seq = inputIds.length / batch;
    const extra = hidden ? ['last_hidden_state'] : [];
    // Only the last position's logits are read unless all are asked for: the LM head runs there alone.
    const feeds = this.feeds({ ...input, logitsToKeep: input.logitsToKeep ?? (allLogits ? 0 : 1) });
    const out = noCache
      ? await this.session.run(feeds, ['logits', ...extra])
      : this.hasKvStep
        ? await this.session.run(feeds, ['logits', ...this.kvStepNames, ...extra])
        : await this.session.run(feeds);
    const pastData = this.hasKvStep && !stepOnly && !noCache ? await Promise.all(past.map((t) => t.getData() as Promise<Float32Array | Uint16Array>)) : [];
    for (const t of past) t.dispose();
    const [, kept, vocab] = out.logits.dims;
    const all = floatData(out.logits.type, await out.logits.getData());
    const lastLogits = new Float32Array(batch * vocab);
    for (let b = 0; b < batch; b++) {
      lastLogits.set(all.subarray((b * kept + kept - 1) * vocab, (b * kept + kept) * vocab), b * vocab);
    }
    out.logits.dispose();
    let present: Tensor[] = [];
    let kvStep: (Float32Array | Uint16Array)[] | undefined;
    if (noCache) {
      // Nothing fetched: the cache never left the runtime.
    } else if (this.hasKvStep) {
      kvStep = await Promise.all(this.kvStepNames.map((n) => out[n].getData() as Promise<Float32Array | Uint16Array>));
      if (!stepOnly) present = this.concatPast(past, pastData, kvStep, batch, seq);
    } else {
      for (let i = 0; i < this.spec.numLayers; i++) present.push(out[`present.${i}.key`], out[`present.${i}.value`]);
    }
    let hiddenData: Float32Array | undefined;
    const hiddenOut = out.last_hidden_state;
    if (hidden) {
      if (hiddenOut.type !== 'float32') throw new InvalidRequestError(`last_hidden_state is ${hiddenOut.type}; question embeddings need float32 activations.`);
      hiddenData = (await hiddenOut.getData()) as Float32Array;
    }
    hiddenOut?.dispose();
    return { lastLogits, logits: allLogits ? all : undefined, hidden: hiddenData, present, kvStep: stepOnly ? kvStep : undefined };
  }

  /** present = past ++ this step's slices along the sequence axis, as the graph's own Concat builds it. */
  private concatPast(past: Tensor[], pastData: (Float32Array | Uint16Array)[], kvStep: (Float32Array | Uint16Array)[], batch: number, seq: number): Tensor[] {
    const [, heads, length, dim] = past[0].dims;
    const rows = Array.from({ length: batch }, (_, b) => b);
    return kvStep.map((step, t) => {
      const n = batch * heads * (length + seq) * dim;
      const out = this.kvType === 'float16' ? new Uint16Array(n) : new Float32Array(n);
      appendRows(out, 0, pastData[t] as typeof out, 0, step as typeof out, rows, heads, length, seq, dim);
      return new this.Tensor(this.kvType as 'float32', out as Float32Array, [batch, heads, length + seq, dim]);
    });
  }

  /** The session's inputs for one step: public so a one-off pass can fetch outputs step() does not know (attention patterns). */
  feeds({ inputIds, attentionMask, positionIds, batch, past, headMask, scorePositions, logitsToKeep, draftNext }: StepInput): Record<string, Tensor> {
    const seq = inputIds.length / batch;
    const feeds: Record<string, Tensor> = {
      input_ids: new this.Tensor('int64', inputIds, [batch, seq]),
      attention_mask: new this.Tensor('int64', attentionMask, [batch, attentionMask.length / batch]),
    };
    if (this.hasPositionIds) feeds.position_ids = new this.Tensor('int64', positionIds, [batch, seq]);
    if (this.hasHeadMask) {
      const { numLayers, numHeads } = this.spec;
      const mask = headMask ?? new Float32Array(batch * numLayers * numHeads).fill(1);
      feeds.head_mask = new this.Tensor('float32', mask, [batch, numLayers, numHeads]);
    }
    if (this.hasLogitsToKeep) feeds.num_logits_to_keep = new this.Tensor('int64', BigInt64Array.of(BigInt(logitsToKeep ?? 0)), [1]);
    if (this.hasDivergedCache) {
      // [batch, 1] of -1 checks nothing: the gather nodes run on every pass, on no rows.
      const next = draftNext ?? new BigInt64Array(batch).fill(-1n);
      feeds[DRAFT_NEXT] = new this.Tensor('int64', next, [batch, next.length / batch || 1]);
    }
    if (this.hasTokenLogprobs) {
      // Empty unless scoring: the gather nodes run on every pass, on nothing.
      const positions = scorePositions ?? new BigInt64Array(0);
      feeds.score_positions = new this.Tensor('int64', positions, [positions.length]);
    }
    for (let i = 0; i < this.spec.numLayers; i++) {
      feeds[`past_key_values.${i}.key`] = past[2 * i];
      feeds[`past_key_values.${i}.value`] = past[2 * i + 1];
    }
    return feeds;
  }
}

/** diverged_rows, then diverged_kv key and value per layer: the outputs a read with draftNext fetches. */
export function divergedNames(numLayers: number, fromLayer = 0): string[] {
  const kv = Array.from({ length: numLayers - fromLayer }, (_, i) => [divergedKvName(fromLayer + i, 'key'), divergedKvName(fromLayer + i, 'value')]).flat();
  return [DIVERGED_ROWS, ...kv];
}

/**
 * The rows and caches of a read's divergedNames(numLayers, fromLayer) outputs.
 * @returns kv indexed by cache tensor (2 * layer + 0 for the key, + 1 for the value), holes below fromLayer
 */
export async function readDiverged(out: InferenceSession.OnnxValueMapType, numLayers: number, fromLayer = 0): Promise<DivergedCache> {
  const rows = Array.from((await out[DIVERGED_ROWS].getData()) as BigInt64Array, Number);
  const kv: (Float32Array | Uint16Array)[] = [];
  for (let layer = fromLayer; layer < numLayers; layer++) {
    kv[2 * layer] = (await out[divergedKvName(layer, 'key')].getData()) as Float32Array | Uint16Array;
    kv[2 * layer + 1] = (await out[divergedKvName(layer, 'value')].getData()) as Float32Array | Uint16Array;
  }
  return { rows, kv };
}
