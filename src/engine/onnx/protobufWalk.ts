/**
 * Reads protobuf wire format in place: varints and the fields of one
 * message as offsets into the original bytes. Nothing is copied or decoded
 * beyond the tags and lengths, so multi-gigabyte initializers cost nothing,
 * and every length is checked against its enclosing message, so damaged
 * bytes end in an OnnxSurgeryError rather than a hang or a RangeError.
 */
import { OnnxSurgeryError } from './errors';

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LEN = 2;
export const WIRE_FIXED32 = 5;

/** One field of a message: its bytes are buf[start, end). */
export interface ProtoField {
  field: number;
  wire: number;
  /** Offset of the tag. */
  start: number;
  /** Offset of the payload: after the tag, and after the length for WIRE_LEN. */
  dataStart: number;
  end: number;
  /** The value of a WIRE_VARINT field (exact up to 2^53). */
  varint: number;
}

/**
 * Reads an unsigned varint at `pos`, which must end before `end`.
 * @returns the value (exact up to 2^53) and the offset after it
 */
export function readVarint(buf: Uint8Array, pos: number, end: number, what: string): { value: number; next: number } {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    if (pos + i >= end) throw new OnnxSurgeryError(`truncated or corrupt ONNX: a varint in ${what} runs past its end (byte ${end})`);
    const b = buf[pos + i];
    value += (b & 0x7f) * scale;
    scale *= 128;
    if (b < 0x80) return { value, next: pos + i + 1 };
  }
  throw new OnnxSurgeryError(`corrupt ONNX: a varint in ${what} at byte ${pos} is longer than 10 bytes`);
}

/**
 * The fields of the message in buf[start, end), in order.
 * @param what names the message in error messages, e.g. "GraphProto"
 */
export function protoFields(buf: Uint8Array, start: number, end: number, what: string): ProtoField[] {
  if (start < 0 || end > buf.length || start > end) {
    throw new OnnxSurgeryError(`truncated or corrupt ONNX: ${what} spans bytes ${start}..${end} of a ${buf.length}-byte buffer`);
  }
  const fields: ProtoField[] = [];
  let pos = start;
  while (pos < end) {
    const tag = readVarint(buf, pos, end, what);
    const field = Math.floor(tag.value / 8);
    const wire = tag.value % 8;
    if (field === 0) throw new OnnxSurgeryError(`corrupt ONNX: field number 0 in ${what} at byte ${pos}`);
    let dataStart = tag.next;
    let fieldEnd: number;
    let varint = 0;
    if (wire === WIRE_VARINT) {
      const v = readVarint(buf, tag.next, end, what);
      varint = v.value;
      fieldEnd = v.next;
    } else if (wire === WIRE_LEN) {
      const len = readVarint(buf, tag.next, end, what);
      dataStart = len.next;
      fieldEnd = dataStart + len.value;
    } else if (wire === WIRE_FIXED64) {
      fieldEnd = tag.next + 8;
    } else if (wire === WIRE_FIXED32) {
      fieldEnd = tag.next + 4;
    } else {
      throw new OnnxSurgeryError(`corrupt ONNX: field ${field} in ${what} at byte ${pos} has wire type ${wire}, which ONNX never uses`);
    }
    if (fieldEnd > end) {
      throw new OnnxSurgeryError(
        `truncated or corrupt ONNX: field ${field} of ${what} at byte ${pos} needs bytes up to ${fieldEnd}, but ${what} ends at byte ${end}`,
      );
    }
    fields.push({ field, wire, start: pos, dataStart, end: fieldEnd, varint });
    pos = fieldEnd;
  }
  return fields;
}

/** Checks that a field has the wire type its schema says, naming it otherwise. */
export function expectWire(f: ProtoField, wire: number, what: string): void {
  if (f.wire !== wire) {
    throw new OnnxSurgeryError(`corrupt ONNX: ${what} (field ${f.field}) at byte ${f.start} has wire type ${f.wire}, expected ${wire}`);
  }
}

const utf8 = new TextDecoder('utf-8');

/** The UTF-8 string payload of a length-delimited field. */
export function fieldString(buf: Uint8Array, f: ProtoField): string {
  return utf8.decode(buf.subarray(f.dataStart, f.end));
}

/** Bytes of a varint: what a length prefix adds to a message. */
export function varintSize(value: number): number {
  let n = 1;
  while (value >= 128) {
    value = Math.floor(value / 128);
    n++;
  }
  return n;
}

/** Writes an unsigned varint at `pos`; returns the offset after it. */
export function writeVarint(out: Uint8Array, pos: number, value: number): number {
  while (value >= 128) {
    out[pos++] = (value % 128) | 0x80;
    value = Math.floor(value / 128);
  }
  out[pos++] = value;
  return pos;
}
