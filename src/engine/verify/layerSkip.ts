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
 * Layer L's attention itself is the draft's too: the head mask acts after
 * it, on the output projection's input. Where that input is a plain
 * [batch, seq, heads * headDim] tensor, the pass also gives each layer's
 * attention output, and a row starts after its pruned layer's attention,
 * at the head mask, layer 0 included.
 *
 * It costs one extra session per layer, each holding the model's weights,
 * so it is built only for small single-file models, and only on first use.
 */
import type { InferenceSession, Tensor } from 'onnxruntime-common';
import { divergedNames, readDiverged, type DecoderSession, type StepInput } from '../model/decoderSession';
import type { GreedyRead } from '../model/greedyRead';
import { attentionName, cutBelowLayer, residualName, withResidualOutputs } from '../onnx/layerCut';
import { GREEDY_MARGINS, GREEDY_TOKENS } from '../onnx/greedyOutputs';
import { kvStepName } from '../onnx/kvStepOutputs';
import { keepLastLayerPositions } from '../onnx/lastLayerKeep';

/** The largest ONNX file layer skipping copies into its extra sessions. */
export const LAYER_SKIP_MAX_BYTES = 64 * 1024 * 1024;

type CreateSession = (bytes: Uint8Array) => Promise<InferenceSession>;

/** What the unpruned pass gives of some sequences, each [batch, seq, hidden] (index by layer; empty where not read). */
export interface Residuals {
  /** The residual stream entering each layer. */
  streams: Float32Array[];
  /** Each layer's attention output before the head mask, where rows start after it. */
  attention: Float32Array[];
  /** Per cache tensor, [batch, kvHeads, seq, headDim], where the sessions give diverged caches. */
  kv?: (Float32Array | Uint16Array)[];
}

export class LayerSkip {
  private sessions?: Promise<{ residuals: InferenceSession; cuts: InferenceSession[] }>;
  /** Whether the sessions give the diverged rows' cache (the model has the divergedCacheOutputs surgery). */
  private readonly diverged: boolean;
  /** The lowest layer a cut starts at: 0 where rows start after their pruned layer's attention, else 1 (layer-0 rows read the whole graph). */
  readonly firstCut: number;

  /**
   * @param bytes the session's model, after the head-mask and greedy-output surgery
   * @param streams the residual stream entering each layer (onnx/layerCut residualStreams)
   * @param attention each layer's attention output (onnx/layerCut attentionInputs), where rows may start after it
   */
  constructor(
    private readonly bytes: Uint8Array, readonly streams: string[], private readonly create: CreateSession, private readonly decoder: DecoderSession,
    private readonly attention?: string[],
  ) {
    this.diverged = decoder.hasDivergedCache;
    this.firstCut = attention ? 0 : 1;
  }

  /** The outputs a read from `layer` fetches: the diverged cache of the layers it computes keys and values for. */
  private outputs(layer: number): string[] {
    return [GREEDY_TOKENS, GREEDY_MARGINS, ...(this.diverged ? divergedNames(this.decoder.spec.numLayers, this.keysFrom(layer)) : [])];
  }

  /** The first layer whose keys and values a read from `layer` computes (after its attention, the next one's). */
  private keysFrom(layer: number): number {
    return this.attention ? layer + 1 : layer;
  }

  /** The tensors a cut at `layer` is fed. */
  private cutAt(layer: number): string[] {
    return this.attention ? [this.streams[layer], this.attention[layer]] : [this.streams[layer]];
  }

  private open() {
    this.sessions ??= (async () => {
      const residuals = await this.create(withResidualOutputs(this.bytes, this.streams, this.attention));
      const cuts: InferenceSession[] = [];
      // Verification reads argmaxes at the answers' positions only: the last layer's queries run there alone.
      const last = this.streams.length - 1;
      const sliced = this.attention ? keepLastLayerPositions(this.bytes, this.streams[last], this.attention[last]) : this.bytes;
      for (let layer = this.firstCut; layer < this.streams.length; layer++) cuts[layer] = await this.create(cutBelowLayer(sliced, this.cutAt(layer), this.outputs(layer)));
      return { residuals, cuts };
    })();
    return this.sessions;
  }

  /**
   * The streams (and attention outputs) of unpruned sequences and, where the sessions give diverged caches, their keys and values.
   * @param input a batch of sequences, as DecoderSession.step takes it (no cache)
   */
  async residuals(decoder: DecoderSession, input: StepInput): Promise<Residuals> {
    const { residuals } = await this.open();
    const layers = this.streams.map((_, l) => l);
    const streamNames = layers.slice(this.firstCut).map(residualName);
    const attentionNames = this.attention ? layers.map(attentionName) : [];
    const kvNames = this.diverged ? layers.flatMap((l) => [kvStepName(l, 'key'), kvStepName(l, 'value')]) : [];
    const out = await residuals.run(decoder.feeds(input), [...streamNames, ...attentionNames, ...kvNames]);
    const read = (names: string[]) => Promise.all(names.map(async (n) => (await out[n].getData()) as Float32Array));
    const streams = [...(this.firstCut ? [new Float32Array(0)] : []), ...(await read(streamNames))];
    const attention = await read(attentionNames);
    const kv = kvNames.length ? await read(kvNames) : undefined;
    for (const t of Object.values(out)) t.dispose();
    return { streams, attention, kv };
  }

  /**
   * Reads `input`'s rows greedily from layer `layer` up (after its attention, where firstCut is 0), starting from `from`.
   * @param from [batch, seq, hidden] each: the residual stream entering `layer`, and with firstCut 0 its attention output
   */
  async readFrom(decoder: DecoderSession, layer: number, from: { stream: Float32Array; attention?: Float32Array }, input: StepInput): Promise<GreedyRead> {
    const { cuts } = await this.open();
    const session = cuts[layer];
    const feeds = decoder.feeds(input);
    const seq = input.inputIds.length / input.batch;
    const tensor = (data: Float32Array) => new decoder.Tensor('float32', data, [input.batch, seq, data.length / (input.batch * seq)]);
    const wanted: Record<string, Tensor> = {};
    for (const name of session.inputNames) {
      if (name === this.streams[layer]) wanted[name] = tensor(from.stream);
      else if (this.attention && name === this.attention[layer]) wanted[name] = tensor(from.attention!);
      else wanted[name] = feeds[name];
    }
    const names = input.draftNext ? this.outputs(layer) : [GREEDY_TOKENS, GREEDY_MARGINS];
    const out = await session.run(wanted, names);
    for (const t of input.past) t.dispose();
    const read: GreedyRead = { tokens: Int32Array.from((await out[GREEDY_TOKENS].getData()) as BigInt64Array, Number), margins: (await out[GREEDY_MARGINS].getData()) as Float32Array };
    if (names.length > 2) read.diverged = await readDiverged(out, decoder.spec.numLayers, this.keysFrom(layer));
    for (const t of Object.values(out)) t.dispose();
    return read;
  }
}
