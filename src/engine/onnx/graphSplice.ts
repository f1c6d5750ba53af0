/**
 * The byte-level steps every graph rewrite shares: a length-delimited field,
 * and a model whose GraphProto is replaced by a new one built as a
 * SplicePlan, everything around the graph kept as spans.
 */
import { Writer } from 'protobufjs/minimal.js';
import type { ModelLayout } from './modelLayout';
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
