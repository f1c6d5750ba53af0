/**
 * Builds the nodes a surgery appends: each named `${prefix}/${label}`, its
 * output `${prefix}/${label}_output_0` unless named, in the order added (so
 * the list stays topologically sorted when each node's inputs come first).
 */
import type { NewNode } from './nodeProto';
import { encodeInt64Tensor } from './tensorProto';

export interface NodeBuilder {
  /** The nodes added so far. */
  nodes: NewNode[];
  /** Adds a node; returns its first output's name. */
  add(label: string, opType: string, inputs: string[], attributes?: NewNode['attributes'], outputs?: string | string[]): string;
  /** Adds a Constant int64 tensor of `values` (shape `dims`, a vector when absent); returns its name. */
  int64(label: string, values: number[], dims?: number[]): string;
}

/** A builder whose nodes' names start with `prefix` (e.g. "/greedy"). */
export function nodeBuilder(prefix: string): NodeBuilder {
  const nodes: NewNode[] = [];
  const add: NodeBuilder['add'] = (label, opType, inputs, attributes, outputs = `${prefix}/${label}_output_0`) => {
    const names = typeof outputs === 'string' ? [outputs] : outputs;
    nodes.push({ name: `${prefix}/${label}`, opType, inputs, outputs: names, attributes });
    return names[0];
  };
  const int64: NodeBuilder['int64'] = (label, values, dims = [values.length]) => add(label, 'Constant', [], [{ name: 'value', tensor: encodeInt64Tensor(dims, values) }]);
  return { nodes, add, int64 };
}
