/**
 * The few NodeProto fields the surgery reads (input 1, output 2, name 3,
 * op_type 4, attribute 5, domain 7) and an encoder for the small nodes it
 * adds. Existing nodes are never re-encoded from these objects: a rewired
 * node keeps all its original bytes but one input (see replaceFirstInput).
 */
import { Writer } from 'protobufjs/minimal.js';
import { OnnxSurgeryError } from './errors';
import { tensorHeader } from './tensorProto';
import { expectWire, fieldString, protoFields, WIRE_LEN, WIRE_VARINT, type ProtoField } from './protobufWalk';

/** One decoded node of the main graph. */
export interface OnnxNode {
  /** Position among the graph's nodes (the file's order, topological in valid models). */
  index: number;
  name: string;
  opType: string;
  /** '' for the default ONNX domain. */
  domain: string;
  inputs: string[];
  outputs: string[];
  /** Integer attributes (AttributeProto.i) by name. */
  intAttrs: Map<string, number>;
  /** data_type of tensor attributes (AttributeProto.t), by name: a Constant's dtype. */
  tensorAttrTypes: Map<string, number>;
  /** The NodeProto payload is buf[start, end). */
  start: number;
  end: number;
}

/** Reads a varint as a signed int64 (attributes such as axis=-1 are 10-byte varints). */
function int64At(buf: Uint8Array, f: ProtoField): number {
  let v = 0n;
  let shift = 0n;
  for (let p = f.dataStart; p < f.end; p++) {
    v |= BigInt(buf[p] & 0x7f) << shift;
    shift += 7n;
  }
  return Number(BigInt.asIntN(64, v));
}

function decodeAttribute(buf: Uint8Array, f: ProtoField, node: OnnxNode): void {
  const what = `attribute of node "${node.name}"`;
  let name = '';
  let int: number | undefined;
  let tensorType: number | undefined;
  for (const a of protoFields(buf, f.dataStart, f.end, what)) {
    if (a.field === 1) {
      expectWire(a, WIRE_LEN, `${what} name`);
      name = fieldString(buf, a);
    } else if (a.field === 3 && a.wire === WIRE_VARINT) {
      int = int64At(buf, a);
    } else if (a.field === 5 && a.wire === WIRE_LEN) {
      tensorType = tensorHeader(buf, a.dataStart, a.end, `${what} tensor`).dataType;
    }
  }
  if (int !== undefined) node.intAttrs.set(name, int);
  if (tensorType !== undefined) node.tensorAttrTypes.set(name, tensorType);
}

/** Decodes the NodeProto in buf[start, end). */
export function decodeNode(buf: Uint8Array, start: number, end: number, index: number): OnnxNode {
  const node: OnnxNode = {
    index, name: '', opType: '', domain: '', inputs: [], outputs: [], intAttrs: new Map(), tensorAttrTypes: new Map(), start, end,
  };
  const what = `NodeProto #${index}`;
  const attributes: ProtoField[] = [];
  for (const f of protoFields(buf, start, end, what)) {
    if (f.field === 1 || f.field === 2 || f.field === 3 || f.field === 4 || f.field === 5 || f.field === 7) {
      expectWire(f, WIRE_LEN, `${what} field`);
    }
    if (f.field === 1) node.inputs.push(fieldString(buf, f));
    else if (f.field === 2) node.outputs.push(fieldString(buf, f));
    else if (f.field === 3) node.name = fieldString(buf, f);
    else if (f.field === 4) node.opType = fieldString(buf, f);
    else if (f.field === 5) attributes.push(f);
    else if (f.field === 7) node.domain = fieldString(buf, f);
  }
  // Attributes after the name, so their errors can say which node they belong to.
  for (const f of attributes) decodeAttribute(buf, f, node);
  return node;
}

/**
 * The node's NodeProto payload with input `index` renamed and every other
 * byte (attributes, doc strings, fields this code does not know) kept.
 */
export function replaceInput(buf: Uint8Array, node: OnnxNode, index: number, input: string): Uint8Array {
  const w = Writer.create();
  let seen = 0;
  for (const f of protoFields(buf, node.start, node.end, `node "${node.name}"`)) {
    if (f.field === 1 && seen++ === index) w.uint32((1 << 3) | WIRE_LEN).string(input);
    else w.raw(buf.subarray(f.start, f.end));
  }
  if (seen <= index) throw new OnnxSurgeryError(`node "${node.name}" (${node.opType}) has no input ${index} to rewire`);
  return w.finish();
}

/** replaceInput of input 0. */
export function replaceFirstInput(buf: Uint8Array, node: OnnxNode, input: string): Uint8Array {
  return replaceInput(buf, node, 0, input);
}

/** An attribute of a new node: an int or an encoded TensorProto. */
export type NewAttribute = { name: string; int: number } | { name: string; tensor: Uint8Array };

/** A node the surgery adds. */
export interface NewNode {
  name: string;
  opType: string;
  inputs: string[];
  outputs: string[];
  attributes?: NewAttribute[];
}

const ATTR_INT = 2;
const ATTR_TENSOR = 4;

/** Encodes a NodeProto payload (no field tag or length). */
export function encodeNode(node: NewNode): Uint8Array {
  const w = Writer.create();
  for (const i of node.inputs) w.uint32((1 << 3) | WIRE_LEN).string(i);
  for (const o of node.outputs) w.uint32((2 << 3) | WIRE_LEN).string(o);
  w.uint32((3 << 3) | WIRE_LEN).string(node.name);
  w.uint32((4 << 3) | WIRE_LEN).string(node.opType);
  for (const a of node.attributes ?? []) {
    w.uint32((5 << 3) | WIRE_LEN).fork();
    w.uint32((1 << 3) | WIRE_LEN).string(a.name);
    if ('int' in a) w.uint32((3 << 3) | WIRE_VARINT).int64(a.int).uint32((20 << 3) | WIRE_VARINT).uint32(ATTR_INT);
    else w.uint32((5 << 3) | WIRE_LEN).bytes(a.tensor).uint32((20 << 3) | WIRE_VARINT).uint32(ATTR_TENSOR);
    w.ldelim();
  }
  return w.finish();
}
