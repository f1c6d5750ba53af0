/**
 * One decoder forward step over an onnxruntime session with the standard
 * KV-cache I/O. The runtime (onnxruntime-web in the worker,
 * onnxruntime-node in the CLI and tests) is injected: engine code only sees
 * its types, so it runs unchanged in both places.
 */
import type { InferenceSession, Tensor } from 'onnxruntime-common';
import type { DecoderSpec } from './modelConfig';
import { InvalidRequestError, UnsupportedModelError } from './errors';

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
}

/** Logits of the last position of each row, and the cache to feed next. */
export interface StepOutput {
  /** [batch, vocab], row-major. */
  lastLogits: Float32Array;
  /** [batch, seq, vocab], when allLogits was asked for. */
  logits?: Float32Array;
  /** [batch, seq, hidden] final hidden state, when asked for. */
  hidden?: Float32Array;
  /** 2 * numLayers tensors [batch, kvHeads, total, headDim]: key, value per layer. */
  present: Tensor[];
}

export class DecoderSession {
  readonly hasPositionIds: boolean;
  /** True when the session was built with the head_mask input (see engine/onnx). */
  readonly hasHeadMask: boolean;
  private queue: Promise<unknown> = Promise.resolve();

  /** Checks that the session has the decoder I/O the engine drives. */
  constructor(readonly session: InferenceSession, readonly Tensor: TensorClass, readonly spec: DecoderSpec) {
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
  }

  /** An empty cache: 2 * numLayers float32 tensors [batch, kvHeads, 0, headDim]. */
  emptyPast(batch: number): Tensor[] {
    const { numLayers, numKvHeads, headDim } = this.spec;
    return Array.from({ length: 2 * numLayers }, () => new this.Tensor('float32', new Float32Array(0), [batch, numKvHeads, 0, headDim]));
  }

  /**
   * One forward pass. Runs are queued: onnxruntime sessions must not run
   * concurrently. The input's past tensors are disposed here.
   */
  step(input: StepInput): Promise<StepOutput> {
    const run = this.queue.then(() => this.runStep(input));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async runStep({ inputIds, attentionMask, positionIds, batch, past, headMask, allLogits, hidden }: StepInput): Promise<StepOutput> {
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
    for (let i = 0; i < this.spec.numLayers; i++) {
      feeds[`past_key_values.${i}.key`] = past[2 * i];
      feeds[`past_key_values.${i}.value`] = past[2 * i + 1];
    }
    const out = await this.session.run(feeds);
    for (const t of past) t.dispose();
    const vocab = out.logits.dims[2];
    const all = (await out.logits.getData()) as Float32Array;
    const lastLogits = new Float32Array(batch * vocab);
    for (let b = 0; b < batch; b++) {
      lastLogits.set(all.subarray((b * seq + seq - 1) * vocab, (b * seq + seq) * vocab), b * vocab);
    }
    out.logits.dispose();
    const present: Tensor[] = [];
    for (let i = 0; i < this.spec.numLayers; i++) present.push(out[`present.${i}.key`], out[`present.${i}.value`]);
    let hiddenData: Float32Array | undefined;
    const hiddenOut = out.last_hidden_state;
    if (hidden) {
      if (!hiddenOut) throw new InvalidRequestError('This session has no last_hidden_state output: load the model with the hidden-state output enabled.');
      if (hiddenOut.type !== 'float32') throw new InvalidRequestError(`last_hidden_state is ${hiddenOut.type}; question embeddings need float32 activations.`);
      hiddenData = (await hiddenOut.getData()) as Float32Array;
    }
    hiddenOut?.dispose();
    return { lastLogits, logits: allLogits ? all : undefined, hidden: hiddenData, present };
  }
}
