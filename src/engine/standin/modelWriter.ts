/**
 * A streaming ONNX ModelProto writer for multi-gigabyte stand-in models.
 * Nodes and value infos are small and encoded up front; an initializer's
 * payload is produced chunk by chunk at write time by a `fill` callback, so
 * a 2.5 GB model never sits in memory. Payloads go inline (raw_data) or to
 * an external-data file (data_location EXTERNAL), as optimum writes them.
 */
import { Writer } from 'protobufjs/minimal.js';
import { encodeNodeBytes, valueInfo, type NodeOptions } from '../onnx/testing/onnxBuilder';

const LEN = 2;
const VARINT = 0;

/** Produces `length` bytes of a payload, in order, by calling `emit` with consecutive chunks. */
export type Fill = (emit: (chunk: Uint8Array) => void) => void;

interface Initializer {
  name: string;
  dataType: number;
  dims: number[];
  length: number;
  fill: Fill;
}

/** Where the bytes go: append-only sinks, one for the .onnx file and one for external data. */
export interface ModelSinks {
  onnx(chunk: Uint8Array): void;
  external(chunk: Uint8Array): void;
}

/** External payloads start on 4 KiB boundaries, so a runtime may map them. */
const ALIGN = 4096;

function varintLength(n: number): number {
  let len = 1;
  while (n >= 128) {
    n = Math.floor(n / 128);
    len++;
  }
  return len;
}

function tagAndLength(field: number, length: number): Uint8Array {
  return new Uint8Array(Writer.create().uint32((field << 3) | LEN).uint32(length).finish());
}

export class StreamingModelWriter {
  private readonly nodes: Uint8Array[] = [];
  private readonly ios: Uint8Array[] = [];
  private readonly inits: Initializer[] = [];
  private counter = 0;

  /** Adds a node; returns its output names (`name_output_0` by default). */
  node(op: string, inputs: string[], opts: NodeOptions = {}): string[] {
    const name = opts.name ?? `/${op}_${this.counter++}`;
    const outputs = opts.outputs ?? [`${name}_output_0`];
    this.nodes.push(encodeNodeBytes(op, inputs, outputs, name, opts));
    return outputs;
  }

  /** One-output node shorthand. */
  op(op: string, inputs: string[], opts: NodeOptions = {}): string {
    return this.node(op, inputs, opts)[0];
  }

  /** An initializer whose `length` payload bytes come from `fill` at write time. */
  initializer(name: string, dataType: number, dims: number[], length: number, fill: Fill): string {
    this.inits.push({ name, dataType, dims, length, fill });
    return name;
  }

  /** A small initializer from bytes in hand. */
  bytes(name: string, dataType: number, dims: number[], raw: Uint8Array): string {
    return this.initializer(name, dataType, dims, raw.length, (emit) => emit(raw));
  }

  /** Graph input (field 11) or output (field 12) with a tensor type and shape. */
  io(kind: 'input' | 'output', name: string, elemType: number, dims: (number | string)[]): string {
    const info = valueInfo(name, elemType, dims);
    this.ios.push(new Uint8Array([...tagAndLength(kind === 'input' ? 11 : 12, info.length), ...info]));
    return name;
  }

  /** Total payload bytes of all initializers. */
  payloadBytes(): number {
    return this.inits.reduce((n, t) => n + t.length, 0);
  }

  /** The TensorProto fields before the payload; with `external`, the whole TensorProto. */
  private tensorHead(t: Initializer, external?: { location: string; offset: number }): Uint8Array {
    const w = Writer.create();
    for (const d of t.dims) w.uint32((1 << 3) | VARINT).int64(d);
    w.uint32((2 << 3) | VARINT).uint32(t.dataType);
    w.uint32((8 << 3) | LEN).string(t.name);
    if (external) {
      const entries = [['location', external.location], ['offset', String(external.offset)], ['length', String(t.length)]];
      for (const [key, value] of entries) w.uint32((13 << 3) | LEN).fork().uint32((1 << 3) | LEN).string(key).uint32((2 << 3) | LEN).string(value).ldelim();
      w.uint32((14 << 3) | VARINT).uint32(1);
    } else {
      w.uint32((9 << 3) | LEN).uint32(t.length);
    }
    return new Uint8Array(w.finish());
  }

  /**
   * Writes the model. Initializers of at least `externalMin` bytes go to the
   * external sink under the file name `externalFile` (Infinity keeps all inline).
   */
  write(sinks: ModelSinks, opts: { externalFile?: string; externalMin?: number; opset?: number } = {}): { onnxBytes: number; externalBytes: number } {
    const externalMin = opts.externalFile ? (opts.externalMin ?? 1024) : Infinity;
    let offset = 0;
    const heads = this.inits.map((t) => {
      if (t.length < externalMin) return { head: this.tensorHead(t), inline: true };
      offset = Math.ceil(offset / ALIGN) * ALIGN;
      const head = this.tensorHead(t, { location: opts.externalFile!, offset });
      offset += t.length;
      return { head, inline: false };
    });
    const initLen = (i: number) => heads[i].head.length + (heads[i].inline ? this.inits[i].length : 0);
    let graphLen = 0;
    for (const n of this.nodes) graphLen += 1 + varintLength(n.length) + n.length;
    const graphName = new Uint8Array(Writer.create().uint32((2 << 3) | LEN).string('standin').finish());
    graphLen += graphName.length;
    this.inits.forEach((_, i) => (graphLen += 1 + varintLength(initLen(i)) + initLen(i)));
    for (const v of this.ios) graphLen += v.length;

    const head = Writer.create();
    head.uint32((1 << 3) | VARINT).int64(8);
    head.uint32((2 << 3) | LEN).string('headlab-standin');
    let onnxBytes = 0;
    const onnx = (c: Uint8Array) => {
      sinks.onnx(c);
      onnxBytes += c.length;
    };
    onnx(new Uint8Array(head.finish()));
    onnx(tagAndLength(7, graphLen));
    for (const n of this.nodes) {
      onnx(tagAndLength(1, n.length));
      onnx(n);
    }
    onnx(graphName);
    let externalBytes = 0;
    this.inits.forEach((t, i) => {
      onnx(tagAndLength(5, initLen(i)));
      onnx(heads[i].head);
      if (heads[i].inline) {
        t.fill(onnx);
        return;
      }
      const pad = Math.ceil(externalBytes / ALIGN) * ALIGN - externalBytes;
      if (pad) sinks.external(new Uint8Array(pad));
      externalBytes += pad;
      t.fill((c) => {
        sinks.external(c);
        externalBytes += c.length;
      });
    });
    for (const v of this.ios) onnx(v);
    for (const [domain, version] of [['', opts.opset ?? 17], ['com.microsoft', 1]] as const) {
      onnx(new Uint8Array(Writer.create().uint32((8 << 3) | LEN).fork().uint32((1 << 3) | LEN).string(domain).uint32((2 << 3) | VARINT).int64(version).ldelim().finish()));
    }
    return { onnxBytes, externalBytes };
  }
}
