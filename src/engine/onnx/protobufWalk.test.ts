/** The wire-format walker: exact varints, and every overrun named rather than read. */
import { Writer } from 'protobufjs/minimal.js';
import { describe, expect, it } from 'vitest';
import { OnnxSurgeryError } from './errors';
import { protoFields, readVarint, varintSize, WIRE_LEN, WIRE_VARINT, writeVarint } from './protobufWalk';

describe('varints', () => {
  it('round-trip through writeVarint and readVarint, and varintSize counts their bytes', () => {
    for (const v of [0, 1, 127, 128, 300, 2 ** 31, 2 ** 32 + 5, 2 ** 53 - 1]) {
      const buf = new Uint8Array(10);
      const end = writeVarint(buf, 0, v);
      expect(end).toBe(varintSize(v));
      expect(readVarint(buf, 0, end, 'test')).toEqual({ value: v, next: end });
      expect(Buffer.from(buf.subarray(0, end)).equals(Buffer.from(Writer.create().uint64(v).finish()))).toBe(true);
    }
  });

  it('refuse a varint that runs past its message', () => {
    expect(() => readVarint(Uint8Array.of(0x80, 0x80), 0, 2, 'NodeProto')).toThrow(/a varint in NodeProto runs past its end \(byte 2\)/);
  });

  it('refuse a varint longer than 10 bytes', () => {
    expect(() => readVarint(new Uint8Array(12).fill(0xff), 0, 12, 'GraphProto')).toThrow(/longer than 10 bytes/);
  });
});

describe('protoFields', () => {
  const message = Writer.create().uint32((1 << 3) | WIRE_VARINT).uint32(8).uint32((7 << 3) | WIRE_LEN).bytes(Uint8Array.of(1, 2, 3)).finish();

  it('gives each field its offsets without copying', () => {
    expect(protoFields(message, 0, message.length, 'ModelProto')).toEqual([
      { field: 1, wire: WIRE_VARINT, start: 0, dataStart: 1, end: 2, varint: 8 },
      { field: 7, wire: WIRE_LEN, start: 2, dataStart: 4, end: 7, varint: 0 },
    ]);
  });

  it('names a length that runs past the message', () => {
    const cut = message.subarray(0, 6);
    expect(() => protoFields(cut, 0, cut.length, 'ModelProto')).toThrow(
      new OnnxSurgeryError('truncated or corrupt ONNX: field 7 of ModelProto at byte 2 needs bytes up to 7, but ModelProto ends at byte 6'),
    );
  });

  it('refuses group wire types and field 0', () => {
    expect(() => protoFields(Uint8Array.of(0x0b), 0, 1, 'GraphProto')).toThrow(/field 1 in GraphProto at byte 0 has wire type 3/);
    expect(() => protoFields(Uint8Array.of(0x02, 0x00), 0, 2, 'GraphProto')).toThrow(/field number 0 in GraphProto/);
  });

  it('refuses a span outside the buffer', () => {
    expect(() => protoFields(new Uint8Array(4), 2, 9, 'TensorProto')).toThrow(/TensorProto spans bytes 2..9 of a 4-byte buffer/);
  });
});
