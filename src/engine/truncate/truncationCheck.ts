/**
 * The proof that truncation does what it says, on the model in hand (the
 * same code runs in Node's tests and in the browser worker):
 *  1. keeping every component reproduces the original logits;
 *  2. the matrix written into the model equals a reference rank-r product
 *     (subspace iteration, sharing no code with the SVD), and the bottom-r
 *     control equals W minus its top k - r;
 *  3. a truncation plus a head pruned by the mask gives the logits of the
 *     truncated weights with that head's o_proj input rows zeroed.
 */
import { DecoderSession } from '../model/decoderSession';
import { padPrompts } from '../model/generate';
import type { ExternalData, ModelRuntime } from '../model/loadModel';
import type { DecoderSpec } from '../model/modelConfig';
import { buildPromptIds } from '../model/prompt';
import type { PreTrainedTokenizer } from '@huggingface/transformers';
import { CHECK_PROMPT, toleranceFor, type CheckResult } from '../check/headMaskCheck';
import { headZeroings, initializerPayload } from '../check/headWeights';
import { addHeadMask } from '../onnx/addHeadMask';
import { readModelLayout } from '../onnx/modelLayout';
import { findWeightMatrix } from './findWeightMatrix';
import { referenceLowRank } from './referenceLowRank';
import { truncateWeights } from './truncateWeights';
import { formatTruncation, parseTruncations, type Truncation } from './truncationSpec';
import { decodeWeights, weightDtype } from './weightBytes';

/** The model's files as read, untouched: truncation writes into copies. */
export interface TruncationCheckInput {
  spec: DecoderSpec;
  tokenizer: PreTrainedTokenizer;
  dtype: string;
  onnx: Uint8Array;
  external: ExternalData[];
  runtime: ModelRuntime;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return Number.isNaN(d) || a.length !== b.length ? Infinity : d;
}

function copies(input: TruncationCheckInput): { onnx: Uint8Array; external: ExternalData[] } {
  // new Uint8Array copies even a Node Buffer, whose slice() would share memory.
  return { onnx: new Uint8Array(input.onnx), external: input.external.map((e) => ({ path: e.path, data: new Uint8Array(e.data) })) };
}

/**
 * Runs the three proofs on what is applied: the first truncation's matrix at its own keep, and
 * the whole list with a head of its layer pruned. With nothing applied they run on a sample, the
 * middle layer's MLP down projection at 10% (and its attention output projection at 50% for the third).
 * @param applied the truncations the model carries now (none: the sample)
 * @returns one CheckResult per proof, with maxAbsDiff against tolerance
 */
export async function checkTruncation(input: TruncationCheckInput, signal?: AbortSignal, applied: readonly Truncation[] = []): Promise<CheckResult[]> {
  const { spec, runtime } = input;
  const target = applied[0] ?? { layer: Math.floor(spec.numLayers / 2), matrix: 'mlp.down' as const, keep: { fraction: 0.1 }, bottom: false };
  const { layer, matrix } = target;
  const name = `${layer}.${matrix}`;
  // The top check keeps the applied share when it keeps the top, the bottom check when it keeps the bottom.
  const topSpec = target.bottom ? `${name}:0.1` : formatTruncation(target);
  const bottomSpec = target.bottom ? formatTruncation(target) : `${name}:0.9:bottom`;
  const bothSpec = applied.length ? applied.map(formatTruncation).join(',') : `${layer}.mlp.down:0.1,${layer}.attn.o:0.5`;
  const head = Math.floor(spec.numHeads / 2);
  const tolerance = toleranceFor(input.dtype);
  const ids = buildPromptIds(input.tokenizer, CHECK_PROMPT, spec, 0);
  const { ids: inputIds, mask, pos } = padPrompts([ids], BigInt(spec.padTokenId));
  const logits = async (onnx: Uint8Array, external: ExternalData[], headMask?: Float32Array) => {
    const session = await runtime.createSession(onnx, external, []);
    try {
      const d = new DecoderSession(session, runtime.Tensor, spec);
      return (await d.step({ inputIds, attentionMask: mask, positionIds: pos, batch: 1, past: d.emptyPast(1), headMask, allLogits: true, noCache: true })).logits!;
    } finally {
      await session.release();
    }
  };
  const original = await logits(input.onnx, input.external);
  const results: CheckResult[] = [];

  const full = copies(input);
  await truncateWeights(full.onnx, full.external, spec.numLayers, parseTruncations(`${name}:1`), signal);
  const fullDiff = maxAbsDiff(await logits(full.onnx, full.external), original);
  results.push({ name: `${name} at full rank vs the original logits`, maxAbsDiff: fullDiff, tolerance, pass: fullDiff <= tolerance });

  const layout = readModelLayout(input.onnx);
  const { weight } = findWeightMatrix(layout, spec.numLayers, layer, matrix);
  const [rows, cols] = layout.initializerDims.get(weight)!;
  const dtype = weightDtype(layout.initializerTypes.get(weight)!)!;
  const payload = initializerPayload(layout, weight);
  const read = (m: { onnx: Uint8Array; external: ExternalData[] }) =>
    decodeWeights((payload.file ? m.external.find((e) => e.path === payload.file!.split('/').pop())!.data : m.onnx).subarray(payload.start, payload.end), dtype);
  const w = read(input);
  const scale = w.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  // The written matrix is rounded to the weight's dtype: fp32 keeps ~7 digits, fp16 ~3.
  const weightTolerance = scale * (dtype === 'fp32' ? 1e-5 : 2e-3);
  // Keeping the bottom r is W minus its top k - r: the reference builds that top subspace.
  for (const bottom of [false, true]) {
    const truncated = copies(input);
    const [report] = await truncateWeights(truncated.onnx, truncated.external, spec.numLayers, parseTruncations(bottom ? bottomSpec : topSpec), signal);
    const k = report.fullRank;
    let reference: Float64Array;
    if (!bottom) reference = referenceLowRank(w, rows, cols, report.rank);
    else {
      const top = referenceLowRank(w, rows, cols, k - report.rank);
      reference = w.map((x, i) => x - top[i]);
    }
    const d = maxAbsDiff(read(truncated), reference);
    const moved = maxAbsDiff(await logits(truncated.onnx, truncated.external), original);
    results.push({
      name: `${name} ${bottom ? 'bottom' : 'top'} ${report.rank} of ${k} vs a reference rank-${report.rank} product (subspace iteration)`,
      maxAbsDiff: d, tolerance: weightTolerance, pass: d <= weightTolerance && moved > tolerance, effect: moved,
      note: `weights [${rows}, ${cols}] ${dtype}, max |w| ${scale.toPrecision(3)}; ${(100 * report.energyKept).toFixed(1)}% of Σσ² kept`,
    });
  }

  const both = copies(input);
  await truncateWeights(both.onnx, both.external, spec.numLayers, parseTruncations(bothSpec), signal);
  const masked = addHeadMask(both.onnx, { numLayers: spec.numLayers, numHeads: spec.numHeads, headDim: spec.headDim });
  const headMask = new Float32Array(spec.numLayers * spec.numHeads).fill(1);
  headMask[layer * spec.numHeads + head] = 0;
  const byMask = await logits(masked, both.external, headMask);
  const truncatedOnly = await logits(both.onnx, both.external);
  const [zeroing] = headZeroings(both.onnx, spec.numLayers, spec.headDim, [[layer, head]]);
  for (const s of zeroing.spans) (s.file ? both.external.find((e) => e.path === s.file!.split('/').pop())!.data : both.onnx).fill(0, s.start, s.end);
  const byWeights = await logits(both.onnx, both.external);
  const d = maxAbsDiff(byMask, byWeights);
  const effect = Math.min(maxAbsDiff(byMask, truncatedOnly), maxAbsDiff(truncatedOnly, original));
  results.push({
    name: `${bothSpec.split(',').join(' + ')} + head ${layer}.${head} pruned by mask vs truncated weights with its o_proj rows zeroed`,
    maxAbsDiff: d, tolerance, pass: d <= tolerance && effect > tolerance, effect, note: zeroing.how,
  });
  return results;
}
