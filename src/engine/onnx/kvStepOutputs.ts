/**
 * Adds one output per KV-cache tensor holding only this step's keys or
 * values: the second input of the Concat that builds present.i.key/value.
 *
 * Why: a CPU runtime copies every fetched output into a new JS buffer, so
 * fetching `present` moves the whole cache, [batch, kvHeads, past + seq,
 * headDim] per tensor, out of native memory on every decode step (and the
 * garbage collector then has to reclaim it). Fetching the step's slice,
 * [batch, kvHeads, seq, headDim], and appending it to a cache kept in JS
 * (see model/kvCache) moves `seq` positions instead of all of them. The
 * values are the ones present would hold: the Concat's own input, unchanged.
 */
import { followedBy, type ModelTransform } from './chainTransform';
import { lenField, withNewGraph } from './graphSplice';
import { GRAPH_NODE, GRAPH_OUTPUT, readModelLayout } from './modelLayout';
import { encodeNode, type NewNode } from './nodeProto';
import { SplicePlan } from './splicePlan';
import { DataType, encodeTensorValueInfo } from './tensorProto';

/** Name of the output with layer `layer`'s new keys or values: [batch, kvHeads, seq, headDim]. */
export function kvStepName(layer: number, kv: 'key' | 'value'): string {
  return `kv_step.${layer}.${kv}`;
}

/** The Identity nodes to add, or undefined when some present tensor is not Concat(past, new) on axis 2. */
function stepNodes(layout: ReturnType<typeof readModelLayout>, numLayers: number): NewNode[] | undefined {
  const nodes: NewNode[] = [];
  for (let layer = 0; layer < numLayers; layer++) {
    for (const kv of ['key', 'value'] as const) {
      const concat = layout.producers.get(`present.${layer}.${kv}`);
      if (concat?.opType !== 'Concat' || concat.inputs.length !== 2 || concat.inputs[0] !== `past_key_values.${layer}.${kv}`) return undefined;
      const name = kvStepName(layer, kv);
      if (layout.names.has(name)) return undefined;
      nodes.push({ name: `${name}/Identity`, opType: 'Identity', inputs: [concat.inputs[1]], outputs: [name] });
    }
  }
  return nodes;
}

const encodedOutput = (name: string, elemType: number) => lenField(GRAPH_OUTPUT, encodeTensorValueInfo(name, elemType));

/**
 * Bytes addKvStepOutputs may add to a model whose tensor names are at most
 * `maxNameBytes` long: a reader leaves this much room after the file.
 */
export function kvStepHeadroom(numLayers: number, maxNameBytes = 256): number {
  const input = 'x'.repeat(maxNameBytes);
  let bytes = 9; // the graph's length prefix can grow by up to 9 bytes
  for (let layer = 0; layer < numLayers; layer++) {
    for (const kv of ['key', 'value'] as const) {
      const name = kvStepName(layer, kv);
      bytes += lenField(GRAPH_NODE, encodeNode({ name: `${name}/Identity`, opType: 'Identity', inputs: [input], outputs: [name] })).length;
      bytes += encodedOutput(name, DataType.BFLOAT16).length;
    }
  }
  return bytes;
}

/**
 * Adds outputs kv_step.{layer}.{key,value} to a decoder whose present
 * tensors are Concat(past_key_values, new) (optimum's exports), in place
 * where `buffer` has room after the model, else into a new array.
 * @param buffer holds the model in [0, length), then free room
 * @returns the rewritten model, or buffer[0, length) unchanged when the graph
 *   has another layout (a fused attention op, say): the outputs are only a speed-up
 */
export function addKvStepOutputs(buffer: Uint8Array, length: number, numLayers: number): Uint8Array {
  const model = buffer.subarray(0, length);
  const layout = readModelLayout(model);
  const nodes = stepNodes(layout, numLayers);
  if (!nodes) return model;
  const graph = new SplicePlan();
  graph.keep(layout.graph.dataStart, layout.graph.end);
  // Appended nodes keep the graph topologically sorted: their only inputs are made earlier.
  for (const n of nodes) graph.add(lenField(GRAPH_NODE, encodeNode(n)));
  for (const n of nodes) graph.add(encodedOutput(n.outputs[0], layout.valueTypes.get(n.outputs[0].replace('kv_step', 'present')) ?? DataType.FLOAT));
  const plan = withNewGraph(model, layout, graph);
  return plan.length <= buffer.length ? plan.writeInPlace(buffer) : plan.writeTo(model, new Uint8Array(plan.length));
}

/** `inner` (the head-mask surgery, say) followed by addKvStepOutputs, sharing the reader's room. */
export function withKvStepOutputs<Spec extends { numLayers: number }>(inner?: ModelTransform<Spec>): ModelTransform<Spec> {
  return followedBy(inner, (spec) => kvStepHeadroom(spec.numLayers), (buffer, length, spec) => addKvStepOutputs(buffer, length, spec.numLayers));
}
