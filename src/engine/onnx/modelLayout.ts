/**
 * Locates the parts of a ModelProto the surgery needs, as offsets into the
 * original bytes: the graph field, each graph field, the decoded nodes, and
 * the names and element types of inputs, outputs, value_info and
 * initializers. Initializer payloads are stepped over, never decoded.
 */
import { OnnxSurgeryError } from './errors';
import { decodeNode, type OnnxNode } from './nodeProto';
import { tensorHeader } from './tensorProto';
import { expectWire, fieldString, protoFields, WIRE_LEN, WIRE_VARINT, type ProtoField } from './protobufWalk';

/** GraphProto field numbers. */
export const GRAPH_NODE = 1;
export const GRAPH_INITIALIZER = 5;
export const GRAPH_INPUT = 11;
export const GRAPH_OUTPUT = 12;
export const GRAPH_VALUE_INFO = 13;
/** ModelProto.graph. */
export const MODEL_GRAPH = 7;

export interface ModelLayout {
  buf: Uint8Array;
  /** ModelProto.graph: its payload is buf[graph.dataStart, graph.end). */
  graph: ProtoField;
  graphFields: ProtoField[];
  /** The graph's nodes in file order; node.index is the position here. */
  nodes: OnnxNode[];
  /** The graphFields index of each node. */
  nodeFieldIndex: number[];
  inputs: string[];
  outputs: string[];
  /** TensorProto.DataType of graph inputs, outputs and value_info, by name. */
  valueTypes: Map<string, number>;
  /** TensorProto.DataType of initializers, by name. */
  initializerTypes: Map<string, number>;
  /** Dims of initializers, by name. */
  initializerDims: Map<string, number[]>;
  /** The node producing each tensor. */
  producers: Map<string, OnnxNode>;
  /** Every tensor and node name in the graph, so new names stay unique. */
  names: Set<string>;
}

const MODEL_WIRE: Record<number, number> = { 1: WIRE_VARINT, 2: WIRE_LEN, 3: WIRE_LEN, 4: WIRE_LEN, 5: WIRE_VARINT, 6: WIRE_LEN, 7: WIRE_LEN, 8: WIRE_LEN };

function hexStart(buf: Uint8Array): string {
  return Array.from(buf.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
}

function modelFields(buf: Uint8Array): ProtoField[] {
  if (buf.length === 0) throw new OnnxSurgeryError('not an ONNX model: the buffer is empty');
  // Every ONNX writer puts ir_version (field 1, varint: tag 0x08) first.
  const looksLikeOnnx = buf[0] === 0x08;
  let fields: ProtoField[];
  try {
    fields = protoFields(buf, 0, buf.length, 'ModelProto');
  } catch (err) {
    if (!(err instanceof OnnxSurgeryError)) throw err;
    const detail = err.message.replace(/^(truncated or )?corrupt ONNX: /, '');
    throw new OnnxSurgeryError(
      looksLikeOnnx
        ? `truncated or corrupt ONNX model (${buf.length} bytes): ${detail}`
        : `not an ONNX model (it starts with bytes ${hexStart(buf)}): ${detail}`,
    );
  }
  for (const f of fields) {
    const wire = MODEL_WIRE[f.field];
    if (wire !== undefined && f.wire !== wire) {
      throw new OnnxSurgeryError(`not an ONNX model (it starts with bytes ${hexStart(buf)}): ModelProto field ${f.field} has wire type ${f.wire}`);
    }
  }
  if (!fields.some((f) => f.field === 1)) throw new OnnxSurgeryError(`not an ONNX model (it starts with bytes ${hexStart(buf)}): no ir_version`);
  return fields;
}

/** The name (field 1) and elem_type (type.tensor_type.elem_type) of a ValueInfoProto. */
/** A ValueInfoProto field's name and element type. */
export function valueInfo(buf: Uint8Array, f: ProtoField, what: string): { name: string; elemType: number } {
  let name = '';
  let elemType = 0;
  for (const v of protoFields(buf, f.dataStart, f.end, what)) {
    if (v.field === 1 && v.wire === WIRE_LEN) name = fieldString(buf, v);
    else if (v.field === 2 && v.wire === WIRE_LEN) {
      for (const t of protoFields(buf, v.dataStart, v.end, `${what} type`)) {
        if (t.field !== 1 || t.wire !== WIRE_LEN) continue;
        for (const e of protoFields(buf, t.dataStart, t.end, `${what} tensor type`)) {
          if (e.field === 1 && e.wire === WIRE_VARINT) elemType = e.varint;
        }
      }
    }
  }
  return { name, elemType };
}

/** Walks the model bytes; throws OnnxSurgeryError when they are not a readable ONNX model. */
export function readModelLayout(buf: Uint8Array): ModelLayout {
  const graphs = modelFields(buf).filter((f) => f.field === MODEL_GRAPH);
  if (graphs.length === 0) throw new OnnxSurgeryError('not an ONNX model: the ModelProto has no graph (field 7)');
  if (graphs.length > 1) throw new OnnxSurgeryError(`unsupported ONNX model: the ModelProto has ${graphs.length} graph fields`);
  const graph = graphs[0];
  const layout: ModelLayout = {
    buf, graph, graphFields: protoFields(buf, graph.dataStart, graph.end, 'GraphProto'), nodes: [], nodeFieldIndex: [],
    inputs: [], outputs: [], valueTypes: new Map(), initializerTypes: new Map(), initializerDims: new Map(), producers: new Map(), names: new Set(),
  };
  layout.graphFields.forEach((f, i) => {
    if (f.field === GRAPH_NODE) {
      expectWire(f, WIRE_LEN, 'GraphProto.node');
      const node = decodeNode(buf, f.dataStart, f.end, layout.nodes.length);
      layout.nodes.push(node);
      layout.nodeFieldIndex.push(i);
      layout.names.add(node.name);
      for (const t of node.inputs) layout.names.add(t);
      for (const t of node.outputs) {
        layout.names.add(t);
        if (!layout.producers.has(t)) layout.producers.set(t, node);
      }
    } else if (f.field === GRAPH_INITIALIZER) {
      expectWire(f, WIRE_LEN, 'GraphProto.initializer');
      // Raw data is stepped over as one field: the header costs the same for any tensor size.
      const { name, dataType, dims } = tensorHeader(buf, f.dataStart, f.end, `initializer at byte ${f.start}`);
      layout.initializerTypes.set(name, dataType);
      layout.initializerDims.set(name, dims);
      layout.names.add(name);
    } else if (f.field === GRAPH_INPUT || f.field === GRAPH_OUTPUT || f.field === GRAPH_VALUE_INFO) {
      const kind = f.field === GRAPH_INPUT ? 'input' : f.field === GRAPH_OUTPUT ? 'output' : 'value_info';
      expectWire(f, WIRE_LEN, `GraphProto.${kind}`);
      const { name, elemType } = valueInfo(buf, f, `graph ${kind} at byte ${f.start}`);
      if (f.field === GRAPH_INPUT) layout.inputs.push(name);
      if (f.field === GRAPH_OUTPUT) layout.outputs.push(name);
      if (elemType) layout.valueTypes.set(name, elemType);
      layout.names.add(name);
    }
  });
  return layout;
}
