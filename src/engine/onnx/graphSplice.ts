/**
 * The byte-level steps every graph rewrite shares: a length-delimited field,
 * and a model whose GraphProto is replaced by a new one built as a
 * SplicePlan, everything around the graph kept as spans.
 */
import { Writer } from 'protobufjs/minimal.js';
import { GRAPH_INPUT, GRAPH_NODE, GRAPH_OUTPUT, type ModelLayout } from './modelLayout';
import { encodeNode, type NewNode } from './nodeProto';
import { readVarint, varintSize, WIRE_LEN, writeVarint } from './protobufWalk';
import { SplicePlan } from './splicePlan';

/** A length-delimited field: tag, length, payload. */
export function lenField(field: number, payload: Uint8Array): Uint8Array {
  return Writer.create().uint32((field << 3) | WIRE_LEN).bytes(payload).finish();
}

/**
 * model[..graph length) + the new graph's length + the graph + model(graph..].
 * The graph's tag is re-read rather than assumed one byte, as writers may pad varints.
 */
export function withNewGraph(model: Uint8Array, layout: ModelLayout, graph: SplicePlan): SplicePlan {
  const tagEnd = readVarint(model, layout.graph.start, layout.graph.end, 'ModelProto').next;
  const plan = new SplicePlan();
  plan.keep(0, tagEnd);
  const length = new Uint8Array(varintSize(graph.length));
  writeVarint(length, 0, graph.length);
  plan.add(length);
  plan.append(graph);
  plan.keep(layout.graph.end, model.length);
  return plan;
}

/**
 * The model with `nodes` appended to its graph (after every node, so the
 * graph stays topologically sorted) and these encoded ValueInfos added as
 * graph inputs and outputs: in place where `buffer` has room after the
 * model, else into a new array.
 * @param buffer holds the model in [0, layout.buf.length), then free room
 */
export function appendToGraph(buffer: Uint8Array, layout: ModelLayout, nodes: NewNode[], io: { inputs?: Uint8Array[]; outputs?: Uint8Array[] }): Uint8Array {
  const model = layout.buf;
  const graph = new SplicePlan();
  graph.keep(layout.graph.dataStart, layout.graph.end);
  for (const n of nodes) graph.add(lenField(GRAPH_NODE, encodeNode(n)));
  for (const input of io.inputs ?? []) graph.add(lenField(GRAPH_INPUT, input));
  for (const output of io.outputs ?? []) graph.add(lenField(GRAPH_OUTPUT, output));
  const plan = withNewGraph(model, layout, graph);
  return plan.length <= buffer.length ? plan.writeInPlace(buffer) : plan.writeTo(model, new Uint8Array(plan.length));
}
