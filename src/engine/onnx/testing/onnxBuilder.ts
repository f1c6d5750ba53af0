/**
 * A tiny ONNX writer for tests: nodes, initializers, inputs and outputs into
 * ModelProto bytes with protobufjs's Writer. Independent of the surgery's
 * own encoders, so the tests do not check the code with itself.
 */
import { Writer } from 'protobufjs/minimal.js';
import { floatsToHalf } from './float16';

export const FLOAT = 1;
export const UINT8 = 2;
export const INT32 = 6;
export const INT64 = 7;
export const FLOAT16 = 10;

export type Attr = { i: number } | { f: number } | { ints: number[] };
export type Dims = (number | string)[];

const LEN = 2;
const VARINT = 0;

function tensorBytes(name: string, dataType: number, dims: number[], raw: Uint8Array): Uint8Array {
  const w = Writer.create();
  for (const d of dims) w.uint32((1 << 3) | VARINT).int64(d);
  w.uint32((2 << 3) | VARINT).uint32(dataType);
  w.uint32((8 << 3) | LEN).string(name);
  w.uint32((9 << 3) | LEN).bytes(raw);
  return w.finish();
}

export interface NodeOptions {
  name?: string;
  attrs?: Record<string, Attr>;
  outputs?: string[];
  domain?: string;
}

/** A NodeProto's bytes: inputs, outputs, name, op type, attributes (int, float or ints) and domain. */
export function encodeNodeBytes(op: string, inputs: string[], outputs: string[], name: string, opts: Pick<NodeOptions, 'attrs' | 'domain'> = {}): Uint8Array {
  const w = Writer.create();
  for (const i of inputs) w.uint32((1 << 3) | LEN).string(i);
  for (const o of outputs) w.uint32((2 << 3) | LEN).string(o);
  w.uint32((3 << 3) | LEN).string(name).uint32((4 << 3) | LEN).string(op);
  for (const [key, a] of Object.entries(opts.attrs ?? {})) {
    w.uint32((5 << 3) | LEN).fork().uint32((1 << 3) | LEN).string(key);
    if ('i' in a) w.uint32((3 << 3) | VARINT).int64(a.i).uint32((20 << 3) | VARINT).uint32(2);
    else if ('f' in a) w.uint32((2 << 3) | 5).float(a.f).uint32((20 << 3) | VARINT).uint32(1);
    else {
      for (const v of a.ints) w.uint32((8 << 3) | VARINT).int64(v);
      w.uint32((20 << 3) | VARINT).uint32(7);
    }
    w.ldelim();
  }
  if (opts.domain) w.uint32((7 << 3) | LEN).string(opts.domain);
  return new Uint8Array(w.finish());
}

/** A ValueInfoProto's bytes: a tensor of `elemType` with `dims` (numbers or symbolic names). */
export function valueInfo(name: string, elemType: number, dims: Dims): Uint8Array {
  const w = Writer.create();
  w.uint32((1 << 3) | LEN).string(name);
  w.uint32((2 << 3) | LEN).fork().uint32((1 << 3) | LEN).fork();
  w.uint32((1 << 3) | VARINT).uint32(elemType);
  w.uint32((2 << 3) | LEN).fork();
  for (const d of dims) {
    w.uint32((1 << 3) | LEN).fork();
    if (typeof d === 'number') w.uint32((1 << 3) | VARINT).int64(d);
    else w.uint32((2 << 3) | LEN).string(d);
    w.ldelim();
  }
  w.ldelim().ldelim().ldelim();
  return w.finish();
}

/** Builds one graph; every float initializer is stored in `floatType` (float32 or float16). */
export class GraphBuilder {
  private readonly nodes: Uint8Array[] = [];
  private readonly initializers: Uint8Array[] = [];
  private readonly inputs: Uint8Array[] = [];
  private readonly outputs: Uint8Array[] = [];
  private counter = 0;

  constructor(readonly floatType: number = FLOAT) {}

  /** Adds a node; returns its output names (one output named `name_output_0` by default). */
  node(op: string, inputs: string[], opts: NodeOptions = {}): string[] {
    const name = opts.name ?? `/${op}_${this.counter++}`;
    const outputs = opts.outputs ?? [`${name}_output_0`];
    this.nodes.push(encodeNodeBytes(op, inputs, outputs, name, opts));
    return outputs;
  }

  /** One-output node shorthand. */
  op(op: string, inputs: string[], opts: Parameters<GraphBuilder['node']>[2] = {}): string {
    return this.node(op, inputs, opts)[0];
  }

  /** A float initializer in the builder's float type. */
  floats(name: string, dims: number[], values: Float32Array): string {
    const raw = this.floatType === FLOAT16 ? new Uint8Array(floatsToHalf(values).buffer) : new Uint8Array(values.slice().buffer);
    this.initializers.push(tensorBytes(name, this.floatType, dims, raw));
    return name;
  }

  /** An initializer of any type from its little-endian bytes. */
  raw(name: string, dataType: number, dims: number[], raw: Uint8Array): string {
    this.initializers.push(tensorBytes(name, dataType, dims, raw));
    return name;
  }

  /** An initializer whose data lives in an external file (data_location EXTERNAL). */
  external(name: string, dataType: number, dims: number[], location: string, length: number): string {
    const w = Writer.create();
    for (const d of dims) w.uint32((1 << 3) | VARINT).int64(d);
    w.uint32((2 << 3) | VARINT).uint32(dataType);
    w.uint32((8 << 3) | LEN).string(name);
    for (const [key, value] of [['location', location], ['offset', '0'], ['length', String(length)]]) {
      w.uint32((13 << 3) | LEN).fork().uint32((1 << 3) | LEN).string(key).uint32((2 << 3) | LEN).string(value).ldelim();
    }
    w.uint32((14 << 3) | VARINT).uint32(1);
    this.initializers.push(w.finish());
    return name;
  }

  int64s(name: string, dims: number[], values: number[]): string {
    return this.raw(name, INT64, dims, new Uint8Array(BigInt64Array.from(values, BigInt).buffer));
  }

  input(name: string, elemType: number, dims: Dims): string {
    this.inputs.push(valueInfo(name, elemType, dims));
    return name;
  }

  output(name: string, elemType: number, dims: Dims): void {
    this.outputs.push(valueInfo(name, elemType, dims));
  }

  /** ModelProto bytes (IR 8, opset 17 plus com.microsoft 1). */
  model(): Uint8Array {
    const w = Writer.create();
    w.uint32((1 << 3) | VARINT).int64(8);
    w.uint32((2 << 3) | LEN).string('headlab-tests');
    w.uint32((7 << 3) | LEN).fork();
    for (const n of this.nodes) w.uint32((1 << 3) | LEN).bytes(n);
    w.uint32((2 << 3) | LEN).string('tiny');
    for (const t of this.initializers) w.uint32((5 << 3) | LEN).bytes(t);
    for (const v of this.inputs) w.uint32((11 << 3) | LEN).bytes(v);
    for (const v of this.outputs) w.uint32((12 << 3) | LEN).bytes(v);
    w.ldelim();
    for (const [domain, version] of [['', 17], ['com.microsoft', 1]] as const) {
      w.uint32((8 << 3) | LEN).fork().uint32((1 << 3) | LEN).string(domain).uint32((2 << 3) | VARINT).int64(version).ldelim();
    }
    // A plain Uint8Array: Node's Writer returns a Buffer, whose slice() is a view, not a copy.
    return new Uint8Array(w.finish());
  }
}
