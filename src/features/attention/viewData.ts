/** One head's block of a layer's patterns, as the maps draw it. */

/** Head `head`'s [n, n] weights out of a layer's [heads, n, n]. */
export function headWeightsOf(layer: Float32Array, head: number, n: number): Float32Array {
  return layer.subarray(head * n * n, (head + 1) * n * n);
}

