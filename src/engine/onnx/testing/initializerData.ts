/**
 * Finds an initializer's raw_data in ModelProto bytes with protobufjs's
 * Reader (not the surgery's walker), so tests can edit weights in place.
 */
import { Reader } from 'protobufjs/minimal.js';

export interface InitializerData {
  dims: number[];
  dataType: number;
  /** raw_data is model[offset, offset + length). */
  offset: number;
  length: number;
}

function readTensor(r: Reader, end: number): { name: string } & InitializerData {
  const t = { name: '', dims: [] as number[], dataType: 0, offset: -1, length: 0 };
  while (r.pos < end) {
    const tag = r.uint32();
    const field = tag >>> 3;
    if (field === 1 && (tag & 7) === 2) {
      const packedEnd = r.uint32() + r.pos;
      while (r.pos < packedEnd) t.dims.push(Number(r.int64()));
    } else if (field === 1) t.dims.push(Number(r.int64()));
    else if (field === 2) t.dataType = r.int32();
    else if (field === 8) t.name = r.string();
    else if (field === 9) {
      t.length = r.uint32();
      t.offset = r.pos;
      r.skip(t.length);
    } else r.skipType(tag & 7);
  }
  return t;
}

export function findInitializer(model: Uint8Array, name: string): InitializerData {
  const r = Reader.create(model);
  while (r.pos < r.len) {
    const tag = r.uint32();
    if (tag >>> 3 !== 7) {
      r.skipType(tag & 7);
      continue;
    }
    const graphEnd = r.uint32() + r.pos;
    while (r.pos < graphEnd) {
      const gtag = r.uint32();
      if (gtag >>> 3 !== 5) {
        r.skipType(gtag & 7);
        continue;
      }
      const tensorEnd = r.uint32() + r.pos;
      const t = readTensor(r, tensorEnd);
      if (t.name === name) return t;
    }
  }
  throw new Error(`no initializer ${name}`);
}

/** The float32 values of an initializer (copied, so edits to the model do not show). */
export function initializerFloats(model: Uint8Array, name: string): Float32Array {
  const t = findInitializer(model, name);
  if (t.dataType !== 1) throw new Error(`${name} is not float32 raw_data`);
  return new Float32Array(model.slice(t.offset, t.offset + t.length).buffer);
}
