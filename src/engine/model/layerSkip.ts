/**
 * Verification that starts each row at its pruned layer. A row whose first
 * pruned head is in layer L computes, below L, exactly what the unpruned
 * draft computed: the same tokens through the same weights. So the draft's
 * residual stream entering layer L is read once per sequence (one unpruned
 * pass with those streams as outputs), and the row runs layers L and up
 * only, in a graph cut below L (engine/onnx/layerCut). On the bundled model
 * this reads the 48 single-head rows of a problem 1.6x faster, with the same
 * argmax at every position (bench/verifiedSweep.ts).
 *
 * It costs one extra session per layer, each holding the model's weights,
 * so it is built only for small single-file models, and only on first use.
 */
import type { InferenceSession, Tensor } from 'onnxruntime-common';
import { divergedNames, readDiverged, type DecoderSession, type StepInput } from './decoderSession';
import type { GreedyRead } from './greedyRead';
import { cutBelowLayer, residualName, withResidualOutputs } from '../onnx/layerCut';
import { GREEDY_MARGINS, GREEDY_TOKENS } from '../onnx/greedyOutputs';
import { kvStepName } from '../onnx/kvStepOutputs';

/** The largest ONNX file layer skipping copies into its extra sessions. */
export const LAYER_SKIP_MAX_BYTES = 64 * 1024 * 1024;

type CreateSession = (bytes: Uint8Array) => Promise<InferenceSession>;

export class LayerSkip {
  private sessions?: Promise<{ residuals: InferenceSession; cuts: InferenceSession[] }>;
  /** Whether the sessions give the diverged rows' cache (the model has the divergedCacheOutputs surgery). */
  private readonly diverged: boolean;

  /**
   * @param bytes the session's model, after the head-mask and greedy-output surgery
   * @param streams the residual stream entering each layer (onnx/layerCut residualStreams)
   */
  constructor(private readonly bytes: Uint8Array, readonly streams: string[], private readonly create: CreateSession, private readonly decoder: DecoderSession) {
    this.diverged = decoder.hasDivergedCache && decoder.hasKvStep;
  }

  /** The outputs a read from `layer` fetches. */
  private outputs(layer: number): string[] {
    return [GREEDY_TOKENS, GREEDY_MARGINS, ...(this.diverged ? divergedNames(this.decoder.spec.numLayers, layer) : [])];
  }

  private open() {
    this.sessions ??= (async () => {
      const residuals = await this.create(withResidualOutputs(this.bytes, this.streams));
      const cuts: InferenceSession[] = [];
      for (let layer = 1; layer < this.streams.length; layer++) cuts[layer] = await this.create(cutBelowLayer(this.bytes, this.streams[layer], this.outputs(layer)));
      return { residuals, cuts };
    })();
    return this.sessions;
  }

  /**
   * The residual streams entering layers 1.. of unpruned sequences (per layer, [batch, seq, hidden]),
   * and, where the sessions give diverged caches, their keys and values (per cache tensor, [batch, kvHeads, seq, headDim]).
   * @param input a batch of sequences, as DecoderSession.step takes it (no cache)
   */
  async residuals(decoder: DecoderSession, input: StepInput): Promise<{ streams: Float32Array[]; kv?: (Float32Array | Uint16Array)[] }> {
    const { residuals } = await this.open();
    const names = this.streams.slice(1).map((_, i) => residualName(i + 1));
    const kvNames = this.diverged ? Array.from({ length: decoder.spec.numLayers }, (_, l) => [kvStepName(l, 'key'), kvStepName(l, 'value')]).flat() : [];
    const out = await residuals.run(decoder.feeds(input), [...names, ...kvNames]);
    const data = await Promise.all(names.map(async (n) => (await out[n].getData()) as Float32Array));
    const kv = kvNames.length ? await Promise.all(kvNames.map(async (n) => (await out[n].getData()) as Float32Array | Uint16Array)) : undefined;
    for (const t of Object.values(out)) t.dispose();
    return { streams: [new Float32Array(0), ...data], kv };
  }

  /**
   * Reads `input`'s rows greedily from layer `layer` up, starting from `stream`.
   * @param stream [batch, seq, hidden] the residual stream entering `layer`
   */
  async readFrom(decoder: DecoderSession, layer: number, stream: Float32Array, input: StepInput): Promise<GreedyRead> {
    const { cuts } = await this.open();
    const session = cuts[layer];
    const feeds = decoder.feeds(input);
    const seq = input.inputIds.length / input.batch;
    const hidden = stream.length / (input.batch * seq);
    const wanted: Record<string, Tensor> = {};
    for (const name of session.inputNames) wanted[name] = name === this.streams[layer] ? new decoder.Tensor('float32', stream, [input.batch, seq, hidden]) : feeds[name];
    const names = input.draftNext ? this.outputs(layer) : [GREEDY_TOKENS, GREEDY_MARGINS];
    const out = await session.run(wanted, names);
    for (const t of input.past) t.dispose();
    const read: GreedyRead = { tokens: Int32Array.from((await out[GREEDY_TOKENS].getData()) as BigInt64Array, Number), margins: (await out[GREEDY_MARGINS].getData()) as Float32Array };
    if (names.length > 2) read.diverged = await readDiverged(out, names.slice(2));
    for (const t of Object.values(out)) t.dispose();
    return read;
  }
}
