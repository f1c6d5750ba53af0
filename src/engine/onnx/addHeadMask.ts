/**
 * Adds a head_mask input to a decoder ONNX model by rewriting its protobuf
 * bytes: the surgery is planned over the original bytes (headMaskPlan), then
 * written either into a new buffer or over the original, in place, where the
 * buffer has room after the model. Only the rewired nodes and the new nodes
 * are encoded; initializers (inline or external) pass through untouched.
 */
import { OnnxSurgeryError } from './errors';
import { headMaskHeadroom } from './headMaskHeadroom';
import type { HeadGrid } from './headMaskNodes';
import { planHeadMask, type AddHeadMaskOptions } from './headMaskPlan';

export { OnnxSurgeryError } from './errors';
export { headMaskHeadroom, MAX_NAME_BYTES } from './headMaskHeadroom';
export { LAST_HIDDEN_STATE, type HeadGrid } from './headMaskNodes';
export type { AddHeadMaskOptions } from './headMaskPlan';

/**
 * Returns new model bytes with a `head_mask` graph input, float32
 * [batch, numLayers, numHeads] (1 keeps a head, 0 prunes it). Each layer's
 * attention output, [batch, seq, numHeads * headDim], is split into heads,
 * multiplied by mask[:, layer, :] as [batch, 1, numHeads, 1] (cast to the
 * activations' dtype) and merged back before the output projection.
 * With `hiddenStateOutput`, also adds output `last_hidden_state`: the input
 * of the LM head, [batch, seq, hidden], in the activations' dtype.
 *
 * The result is one new buffer of about the model's size; `model` is left
 * as it was. addHeadMaskInPlace saves that copy.
 *
 * @param model the bytes of a ModelProto; external data files stay valid
 * @throws OnnxSurgeryError when the bytes are not a readable ONNX model or a
 *   layer's attention output projection (or the LM head) cannot be found
 */
export function addHeadMask(model: Uint8Array, spec: HeadGrid, options: AddHeadMaskOptions = {}): Uint8Array {
  const plan = planHeadMask(model, spec, options);
  return plan.writeTo(model, new Uint8Array(plan.length));
}

/**
 * addHeadMask in the buffer that holds the model: the rewritten model
 * overwrites the original, unchanged spans moving with copyWithin, so no
 * model-sized buffer is allocated. Every check runs, and every new byte is
 * encoded, before anything moves: when this throws, `buffer` is unchanged.
 *
 * @param buffer holds the model in [0, length), then room for what the
 *   surgery adds; `length + headMaskHeadroom(spec, length)` bytes suffice
 *   for any model with names of ordinary length
 * @param length the model's size in bytes
 * @returns the rewritten model: buffer[0, newLength), a view of the same
 *   ArrayBuffer at the same offset
 * @throws OnnxSurgeryError as addHeadMask does, or when the result would
 *   not fit in `buffer`
 */
export function addHeadMaskInPlace(buffer: Uint8Array, length: number, spec: HeadGrid, options: AddHeadMaskOptions = {}): Uint8Array {
  if (!Number.isInteger(length) || length < 0 || length > buffer.length) {
    throw new OnnxSurgeryError(`model length ${length} does not fit the ${buffer.length}-byte buffer`);
  }
  const plan = planHeadMask(buffer.subarray(0, length), spec, options);
  if (plan.length > buffer.length) {
    throw new OnnxSurgeryError(
      `the model with head_mask takes ${plan.length} bytes, but the buffer holds ${buffer.length}: ` +
        `the surgery needs ${plan.length - length} bytes of room after the ${length}-byte model, and has ${buffer.length - length}`,
    );
  }
  return plan.writeInPlace(buffer);
}

/** The surgery as loadDecoderModel's ModelTransform takes it, for any spec holding the head grid. */
export interface HeadMaskTransform {
  /** headMaskHeadroom(spec): the room to leave after the model file. */
  headroom(spec: HeadGrid): number;
  /** Rewrites buffer[0, length): in place where the room suffices, else into a new array. */
  apply(buffer: Uint8Array, length: number, spec: HeadGrid): Uint8Array;
}

/**
 * The surgery as a loadDecoderModel transform: the reader leaves
 * headMaskHeadroom bytes after the ONNX file and the model is rewritten in
 * that buffer. Where the room falls short (a reader that could not give it,
 * a model with unusually long names) the result is a copy instead.
 */
export function headMaskTransform(options: AddHeadMaskOptions = {}): HeadMaskTransform {
  return {
    headroom: (spec) => headMaskHeadroom(spec),
    apply(buffer, length, spec) {
      const model = buffer.subarray(0, length);
      const plan = planHeadMask(model, spec, options);
      return plan.length <= buffer.length ? plan.writeInPlace(buffer) : plan.writeTo(model, new Uint8Array(plan.length));
    },
  };
}
