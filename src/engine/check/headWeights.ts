/**
 * Where one head's share of a layer's attention output projection lives in
 * the model's bytes, so a check can zero it in the weights themselves: the
 * rows head h * headDim ... (h + 1) * headDim - 1 of o_proj's [K, N]
 * weight (o_proj's input features of that head), or for 4-bit MatMulNBits
 * the scales of the blocks holding those rows.
 */
import { findAttentionProjections } from '../onnx/findAttentionProjections';
import { GRAPH_INITIALIZER, readModelLayout, type ModelLayout } from '../onnx/modelLayout';
import type { OnnxNode } from '../onnx/nodeProto';
import { fieldString, protoFields, WIRE_LEN, WIRE_VARINT } from '../onnx/protobufWalk';
import { DataType } from '../onnx/tensorProto';

/** A tensor's payload: bytes [start, end) of the ONNX file, or of the external-data file `file`. */
export interface PayloadRange {
  file?: string;
  start: number;
  end: number;
}

/** Byte spans to zero for one head: in the ONNX file, or in an external-data file. */
export interface HeadZeroing {
  /** How the head's weights are zeroed, for the report. */
  how: string;
  spans: PayloadRange[];
}

const ELEMENT_BYTES: Record<number, number> = { [DataType.FLOAT]: 4, [DataType.FLOAT16]: 2, [DataType.BFLOAT16]: 2 };

/** The payload of initializer `name`: its raw_data field, or its external-data location. */
export function initializerPayload(layout: ModelLayout, name: string): PayloadRange {
  const { buf } = layout;
  for (const f of layout.graphFields) {
    if (f.field !== GRAPH_INITIALIZER) continue;
    const fields = protoFields(buf, f.dataStart, f.end, 'initializer');
    const nameField = fields.find((t) => t.field === 8 && t.wire === WIRE_LEN);
    if (!nameField || fieldString(buf, nameField) !== name) continue;
    const raw = fields.find((t) => t.field === 9 && t.wire === WIRE_LEN);
    if (raw) return { start: raw.dataStart, end: raw.end };
    const external = fields.find((t) => t.field === 14 && t.wire === WIRE_VARINT)?.varint === 1;
    if (!external) throw new Error(`initializer ${name} keeps its values in typed fields, not raw_data: zeroing its rows is not supported`);
    const entries = new Map<string, string>();
    for (const e of fields.filter((t) => t.field === 13 && t.wire === WIRE_LEN)) {
      const kv = protoFields(buf, e.dataStart, e.end, 'external_data entry');
      const key = kv.find((t) => t.field === 1);
      const value = kv.find((t) => t.field === 2);
      if (key && value) entries.set(fieldString(buf, key), fieldString(buf, value));
    }
    const offset = Number(entries.get('offset') ?? 0);
    const length = Number(entries.get('length'));
    if (!entries.get('location') || !Number.isFinite(length)) throw new Error(`initializer ${name} is external but names no location or length`);
    return { file: entries.get('location'), start: offset, end: offset + length };
  }
  throw new Error(`o_proj weight ${name} is not an initializer of the graph (it may be computed, e.g. dequantized at run time)`);
}

/** Spans of rows [r0, r1) of a row-major [K, N] weight. */
function rowSpan(payload: PayloadRange, r0: number, r1: number, rowBytes: number): PayloadRange {
  return { file: payload.file, start: payload.start + r0 * rowBytes, end: payload.start + r1 * rowBytes };
}

function zeroingFor(layout: ModelLayout, proj: OnnxNode, head: number, headDim: number): HeadZeroing {
  const [r0, r1] = [head * headDim, (head + 1) * headDim];
  if (proj.opType === 'MatMul' || (proj.opType === 'Gemm' && !proj.intAttrs.get('transB'))) {
    const weight = proj.inputs[1];
    const dims = layout.initializerDims.get(weight);
    const bytes = ELEMENT_BYTES[layout.initializerTypes.get(weight) ?? 0];
    if (!dims || dims.length !== 2 || !bytes) throw new Error(`o_proj weight ${weight} is not a 2-D float initializer`);
    return { how: `rows ${r0}..${r1 - 1} of ${weight} [${dims.join(', ')}] set to 0`, spans: [rowSpan(initializerPayload(layout, weight), r0, r1, dims[1] * bytes)] };
  }
  if (proj.opType === 'MatMulNBits') {
    const K = proj.intAttrs.get('K')!;
    const N = proj.intAttrs.get('N')!;
    const block = proj.intAttrs.get('block_size')!;
    if (headDim % block !== 0) {
      throw new Error(`MatMulNBits block_size ${block} does not divide head_dim ${headDim}: a block's one scale covers rows of two heads, so no weight bytes zero one head alone`);
    }
    const scales = proj.inputs[2];
    const bytes = ELEMENT_BYTES[layout.initializerTypes.get(scales) ?? 0];
    if (!bytes) throw new Error(`MatMulNBits scales ${scales} are not a float initializer`);
    const payload = initializerPayload(layout, scales);
    const blocks = Math.ceil(K / block);
    // Scales are [N, blocks]: column n's blocks r0 / block .. r1 / block - 1 hold exactly this head's rows.
    const spans = Array.from({ length: N }, (_, n) => ({
      file: payload.file, start: payload.start + (n * blocks + r0 / block) * bytes, end: payload.start + (n * blocks + r1 / block) * bytes,
    }));
    return { how: `the scales of blocks ${r0 / block}..${r1 / block - 1} (rows ${r0}..${r1 - 1}) of ${scales} in all ${N} columns set to 0, so those 4-bit rows dequantize to 0`, spans };
  }
  throw new Error(`o_proj is a ${proj.opType}${proj.opType === 'Gemm' ? ' with transB' : ''}: zeroing its head rows is not supported`);
}

/** For each [layer, head]: the bytes that hold that head's o_proj input rows. */
export function headZeroings(onnx: Uint8Array, numLayers: number, headDim: number, heads: [number, number][]): HeadZeroing[] {
  const layout = readModelLayout(onnx);
  const projections = findAttentionProjections(layout, numLayers);
  return heads.map(([layer, head]) => zeroingFor(layout, projections[layer].node, head, headDim));
}
