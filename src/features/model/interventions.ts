/**
 * Every intervention an answer ran under, in one sentence: the pruned
 * heads and the weight truncations. Wherever the app shows answers it
 * shows this, so an answer from a truncated model is never read as the
 * model's own.
 */

/**
 * @param pruned [layer, head] pairs, 0-based
 * @param truncations truncation specs as the worker applied them ("0.mlp.down:0.01")
 */
export function interventionsText(pruned: readonly (readonly [number, number])[], truncations: readonly string[]): string {
  const heads = pruned.length ? `Pruned: ${pruned.map(([l, h]) => `layer ${l} head ${h}`).join(', ')}.` : 'No heads pruned.';
  const weights = truncations.length ? ` Truncated: ${truncations.join(', ')}.` : ' No truncation.';
  return heads + weights;
}
