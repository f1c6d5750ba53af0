/**
 * Model transforms applied one after another in the buffer the reader
 * filled: each asks for headroom after the model, and a later one works in
 * the room an earlier one left, so the model stays in one buffer while
 * every step fits.
 */

/** A model transform as loadDecoderModel takes it (structurally, so engine/onnx needs nothing from engine/model). */
export interface ModelTransform<Spec> {
  headroom(spec: Spec): number;
  apply(buffer: Uint8Array, length: number, spec: Spec): Uint8Array;
}

/**
 * `inner` (the head-mask surgery, say) followed by `add`, sharing the reader's room.
 * @param room the bytes `add` may add to a model of this spec
 * @param add rewrites buffer[0, length), in place where the buffer has room after it
 */
export function followedBy<Spec>(
  inner: ModelTransform<Spec> | undefined, room: (spec: Spec) => number, add: (buffer: Uint8Array, length: number, spec: Spec) => Uint8Array,
): ModelTransform<Spec> {
  return {
    headroom: (spec) => (inner?.headroom(spec) ?? 0) + room(spec),
    apply(buffer, length, spec) {
      // The inner transform sees the room it asked for; what is left after its result is ours.
      const innerRoom = inner ? Math.min(inner.headroom(spec), buffer.length - length) : 0;
      const model = inner ? inner.apply(buffer.subarray(0, length + innerRoom), length, spec) : buffer.subarray(0, length);
      const inBuffer = model.buffer === buffer.buffer && model.byteOffset === buffer.byteOffset;
      return add(inBuffer ? buffer : model, model.length, spec);
    },
  };
}
