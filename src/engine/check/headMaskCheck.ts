/**
 * A proof that head masking is right on the model in hand, on one short
 * prompt: the head_mask model with every head kept gives the unmodified
 * graph's logits, and pruning one head with the mask gives the logits of
 * the unmodified graph whose o_proj weights for that head are zeroed in
 * the file's bytes (first layer, a middle one, the last).
 */
import { DecoderSession } from '../model/decoderSession';
import { padPrompts } from '../model/generate';
import type { ExternalData, LoadedModel, ModelFileReader, ModelRuntime } from '../model/loadModel';
import { externalDataFiles, onnxFileFor } from '../model/modelFiles';
import { buildPromptIds } from '../model/prompt';
import { headZeroings, type PayloadRange } from './headWeights';

export const CHECK_PROMPT = 'Mia has 5 apples and buys 3 more. How many apples does she have?';

export interface CheckResult {
  name: string;
  maxAbsDiff: number;
  tolerance: number;
  pass: boolean;
  /** For a pruned head: how far its pruning moves the logits, so a pass is not a head that does nothing. */
  effect?: number;
  /** How the weights were zeroed, or why they could not be. */
  note?: string;
}

export interface CheckReport {
  model: string;
  dtype: string;
  fingerprint: string;
  checks: CheckResult[];
  pass: boolean;
}

/**
 * Logit tolerance: masking multiplies by exactly 1 or 0, so differences are
 * the runtime's own reordering of float sums. float16 activations round at
 * about 1e-3 of each value, and every layer adds to that.
 */
export function toleranceFor(dtype: string): number {
  return dtype === 'fp32' ? 1e-3 : 0.05;
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return Number.isNaN(d) || a.length !== b.length ? Infinity : d;
}

/** The heads checked: layer 0 head 0, the middle layer's middle head, the last layer's last head. */
export function checkedHeads(numLayers: number, numHeads: number): [number, number][] {
  const picks: [number, number][] = [[0, 0], [Math.floor(numLayers / 2), Math.floor(numHeads / 2)], [numLayers - 1, numHeads - 1]];
  return picks.filter(([l, h], i) => picks.findIndex(([l2, h2]) => l2 === l && h2 === h) === i);
}

/** Sets the spans to zero; returns their old bytes, to put back with `restore`. */
function zeroSpans(files: Map<string | undefined, Uint8Array>, spans: PayloadRange[]): Uint8Array[] {
  return spans.map((s) => {
    const buf = files.get(s.file)!;
    const saved = buf.slice(s.start, s.end);
    buf.fill(0, s.start, s.end);
    return saved;
  });
}

function restore(files: Map<string | undefined, Uint8Array>, spans: PayloadRange[], saved: Uint8Array[]): void {
  spans.forEach((s, i) => files.get(s.file)!.set(saved[i], s.start));
}

/**
 * Runs the checks on `model` (loaded with the head_mask surgery). Reads the
 * ONNX file (and its external data) again through `files`, for the
 * unmodified graph; opens one plain session at a time and releases it.
 * @param name the model's name for the report
 */
export async function checkHeadMasking(model: LoadedModel, files: ModelFileReader, runtime: ModelRuntime, name: string): Promise<CheckReport> {
  const { spec, decoder, dtype } = model;
  if (!decoder.hasHeadMask) throw new Error('the model was loaded without the head_mask input');
  const tolerance = toleranceFor(dtype);
  const ids = buildPromptIds(model.tokenizer, CHECK_PROMPT, spec, 0);
  const { ids: inputIds, mask, pos } = padPrompts([ids], BigInt(spec.padTokenId));
  const logitsOf = async (d: DecoderSession, headMask?: Float32Array) =>
    (await d.step({ inputIds, attentionMask: mask, positionIds: pos, batch: 1, past: d.emptyPast(1), headMask, allLogits: true, noCache: true })).logits!;
  const maskWithout = (layer = -1, head = -1) => {
    const m = new Float32Array(spec.numLayers * spec.numHeads).fill(1);
    if (layer >= 0) m[layer * spec.numHeads + head] = 0;
    return m;
  };

  const onnxFile = onnxFileFor(dtype);
  const onnx = await files.bytes(onnxFile);
  const config = JSON.parse((await files.optionalText('config.json')) ?? '{}') as Record<string, unknown>;
  const external: ExternalData[] = await Promise.all(
    externalDataFiles(config, onnxFile).map(async (f) => ({ path: f.split('/').pop()!, data: await files.bytes(f) })),
  );
  const buffers = new Map<string | undefined, Uint8Array>([[undefined, onnx], ...external.map((e) => [e.path, e.data] as const)]);
  const plainLogits = async () => {
    const session = await runtime.createSession(onnx, external, []);
    try {
      return await logitsOf(new DecoderSession(session, runtime.Tensor, spec));
    } finally {
      await session.release();
    }
  };

  const unpruned = await logitsOf(decoder, maskWithout());
  const diff = maxAbsDiff(unpruned, await plainLogits());
  const checks: CheckResult[] = [{ name: 'all-ones mask vs the unmodified graph', maxAbsDiff: diff, tolerance, pass: diff <= tolerance }];
  const heads = checkedHeads(spec.numLayers, spec.numHeads);
  let zeroings: ReturnType<typeof headZeroings> | undefined;
  let whyNot = '';
  try {
    zeroings = headZeroings(onnx, spec.numLayers, spec.headDim, heads);
  } catch (err) {
    whyNot = (err as Error).message;
  }
  for (const [i, [layer, head]] of heads.entries()) {
    const label = `layer ${layer} head ${head}: mask vs o_proj input rows zeroed in the weights`;
    const pruned = await logitsOf(decoder, maskWithout(layer, head));
    const effect = maxAbsDiff(pruned, unpruned);
    if (!zeroings) {
      checks.push({ name: label, maxAbsDiff: NaN, tolerance, pass: false, effect, note: `cannot zero the weights: ${whyNot}` });
      continue;
    }
    const { spans, how } = zeroings[i];
    const saved = zeroSpans(buffers, spans);
    let zeroed: Float32Array;
    try {
      zeroed = await plainLogits();
    } finally {
      restore(buffers, spans, saved);
    }
    const d = maxAbsDiff(pruned, zeroed);
    // A head whose pruning moves nothing cannot tell a working mask from one that does nothing.
    const note = effect > tolerance ? how : `${how}; but pruning this head moves the logits by only ${effect}, within the tolerance, so this proves nothing`;
    checks.push({ name: label, maxAbsDiff: d, tolerance, pass: d <= tolerance && effect > tolerance, effect, note });
  }
  return { model: name, dtype, fingerprint: model.fingerprint, checks, pass: checks.every((c) => c.pass) };
}
