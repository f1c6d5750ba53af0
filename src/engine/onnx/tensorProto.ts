/**
 * TensorProto and ValueInfoProto: reading a tensor's header (name, dtype)
 * without touching its data, and encoding the small constants and graph
 * inputs/outputs the surgery adds.
 */
import { Writer } from 'protobufjs/minimal.js';
import { fieldString, protoFields, readVarint, WIRE_LEN, WIRE_VARINT } from './protobufWalk';

/** TensorProto.DataType values the surgery deals with. */
export const DataType = { FLOAT: 1, UINT8: 2, INT8: 3, INT32: 6, INT64: 7, BOOL: 9, FLOAT16: 10, DOUBLE: 11, BFLOAT16: 16 } as const;

/** The header of a TensorProto: everything but its data. */
export interface TensorHeader {
  name: string;
  dataType: number;
  dims: number[];
}

/** Reads name (field 8), data_type (2) and dims (1, plain or packed) of the TensorProto in buf[start, end). */
export function tensorHeader(buf: Uint8Array, start: number, end: number, what: string): TensorHeader {
  const header: TensorHeader = { name: '', dataType: 0, dims: [] };
  for (const f of protoFields(buf, start, end, what)) {
    if (f.field === 8 && f.wire === WIRE_LEN) header.name = fieldString(buf, f);
    else if (f.field === 2 && f.wire === WIRE_VARINT) header.dataType = f.varint;
    else if (f.field === 1 && f.wire === WIRE_VARINT) header.dims.push(f.varint);
    else if (f.field === 1 && f.wire === WIRE_LEN) {
      for (let p = f.dataStart; p < f.end; ) {
        const v = readVarint(buf, p, f.end, `${what} dims`);
        header.dims.push(v.value);
        p = v.next;
      }
    }
  }
  return header;
}

/** An int64 TensorProto (for Constant nodes); dims [] makes a scalar. */
export function encodeInt64Tensor(dims: number[], values: number[]): Uint8Array {
  const w = Writer.create();
  for (const d of dims) w.uint32((1 << 3) | WIRE_VARINT).int64(d);
  w.uint32((2 << 3) | WIRE_VARINT).uint32(DataType.INT64);
  w.uint32((7 << 3) | WIRE_LEN).fork();
  for (const v of values) w.int64(v);
  w.ldelim();
  return w.finish();
}

/** One dimension of a declared shape: a number, or a symbolic name such as "batch_size". */
export type Dim = number | string;

/**
 * A ValueInfoProto for a tensor graph input or output. Without `dims` the
 * shape is left undeclared (unknown rank).
 */
export function encodeTensorValueInfo(name: string, elemType: number, dims?: Dim[]): Uint8Array {
  const w = Writer.create();
  w.uint32((1 << 3) | WIRE_LEN).string(name);
  w.uint32((2 << 3) | WIRE_LEN).fork();
  w.uint32((1 << 3) | WIRE_LEN).fork();
  w.uint32((1 << 3) | WIRE_VARINT).uint32(elemType);
  if (dims) {
    w.uint32((2 << 3) | WIRE_LEN).fork();
    for (const d of dims) {
      w.uint32((1 << 3) | WIRE_LEN).fork();
      if (typeof d === 'number') w.uint32((1 << 3) | WIRE_VARINT).int64(d);
      else w.uint32((2 << 3) | WIRE_LEN).string(d);
      w.ldelim();
    }
    w.ldelim();
  }
  w.ldelim();
  w.ldelim();
  return w.finish();
}
