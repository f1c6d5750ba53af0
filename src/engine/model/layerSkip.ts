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
import type { DecoderSession, StepInput } from './decoderSession';
import type { GreedyRead } from './greedyRead';
import { cutBelowLayer, residualName, withResidualOutputs } from '../onnx/layerCut';
import { GREEDY_MARGINS, GREEDY_TOKENS } from '../onnx/greedyOutputs';

/** The largest ONNX file layer skipping copies into its extra sessions. */
export const LAYER_SKIP_MAX_BYTES = 64 * 1024 * 1024;

type CreateSession = (bytes: Uint8Array) => Promise<InferenceSession>;

export class LayerSkip {
  private sessions?: Promise<{ residuals: InferenceSession; cuts: InferenceSession[] }>;

  /**
   * @param bytes the session's model, after the head-mask and greedy-output surgery
   * @param streams the residual stream entering each layer (onnx/layerCut residualStreams)
   */
  constructor(private readonly bytes: Uint8Array, readonly streams: string[], private readonly create: CreateSession) {}

  private open() {
    this.sessions ??= (async () => {
      const residuals = await this.create(withResidualOutputs(this.bytes, this.streams));
      const cuts: InferenceSession[] = [];
      for (let layer = 1; layer < this.streams.length; layer++) cuts[layer] = await this.create(cutBelowLayer(this.bytes, this.streams[layer], [GREEDY_TOKENS, GREEDY_MARGINS]));
      return { residuals, cuts };
    })();
    return this.sessions;
  }

  /**
   * The residual streams entering layers 1.. of unpruned sequences: per layer, [batch, seq, hidden].
   * @param input a batch of sequences, as DecoderSession.step takes it (no cache)
   */
  async residuals(decoder: DecoderSession, input: StepInput): Promise<Float32Array[]> {
    const { residuals } = await this.open();
    const names = this.streams.slice(1).map((_, i) => residualName(i + 1));
    const out = await residuals.run(decoder.feeds(input), names);
    const data = await Promise.all(names.map(async (n) => (await out[n].getData()) as Float32Array));
    for (const t of Object.values(out)) t.dispose();
    return [new Float32Array(0), ...data];
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
    const out = await session.run(wanted, [GREEDY_TOKENS, GREEDY_MARGINS]);
    for (const t of input.past) t.dispose();
    const read = { tokens: Int32Array.from((await out[GREEDY_TOKENS].getData()) as BigInt64Array, Number), margins: (await out[GREEDY_MARGINS].getData()) as Float32Array };
    for (const t of Object.values(out)) t.dispose();
    return read;
  }
}
