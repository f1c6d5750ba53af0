/** What every CLI command gets: parsed options, stdout/stderr writers, and a model loader. */
import type { LoadedModel } from '../engine/model/loadModel';
import type { Truncation } from '../engine/truncate/truncationSpec';

export interface CliValues {
  model?: string;
  prompt?: string;
  problems?: string;
  prune?: string;
  heads?: string;
  mode?: string;
  shard?: string;
  out?: string;
  batch?: string;
  decode?: string;
  'max-new-tokens'?: string;
  json?: boolean;
  sweep?: string;
  selector?: string;
  seed?: string;
  epochs?: string;
  n?: string;
  'train-fraction'?: string;
  encoder?: string;
  temperature?: string;
  k?: string;
  layer?: string;
  head?: string;
  device?: string;
  threads?: string;
  dtype?: string;
  truncate?: string;
  'truncate-sweep'?: string;
  matrices?: string;
}

export interface CliContext {
  values: CliValues;
  positionals: string[];
  /** A line to stdout. */
  out(line: string): void;
  /** Progress to stderr. */
  progress(text: string): void;
  /**
   * Loads --model, with the head_mask input when the command prunes heads,
   * and its weights truncated (by default as --truncate says).
   */
  loadModel(withHeadMask: boolean, truncations?: Truncation[]): Promise<LoadedModel>;
}
