/**
 * The CLI's JSON for attention patterns:
 *   {"tokens":[...], "layers":[{"layer", "heads":[{"head", "weights":[[...]]}]}]}
 * with rows over the tokens in their order, row i being query token i.
 */
import type { LayerPattern } from './sequencePatterns';

export interface PatternsJson {
  tokens: string[];
  layers: { layer: number; heads: { head: number; weights: number[][] }[] }[];
}

/** Six decimals: far below the 1e-4 the patterns are checked to, and a third of the text. */
const round = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * @param layers per layer, [numHeads, n, n] with n = tokens.length
 * @param head only this head of each layer, when given
 */
export function patternsJson(tokens: string[], layers: LayerPattern[], numHeads: number, head?: number): PatternsJson {
  const n = tokens.length;
  const heads = head === undefined ? Array.from({ length: numHeads }, (_, h) => h) : [head];
  return {
    tokens,
    layers: layers.map(({ layer, weights }) => ({
      layer,
      heads: heads.map((h) => ({
        head: h,
        weights: Array.from({ length: n }, (_, i) => Array.from(weights.subarray((h * n + i) * n, (h * n + i + 1) * n), round)),
      })),
    })),
  };
}
