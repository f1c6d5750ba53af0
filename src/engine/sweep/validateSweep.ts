/**
 * A sweep file checked field by field at the door, in the CLI and the app
 * alike: every field's type and range, every cell once. A hand-edited or
 * foreign file is refused with the field at fault named, instead of being
 * saved and breaking an export later.
 */
import { parseTruncations } from '../truncate/truncationSpec';
import { SWEEP_SCHEMA, SweepFileError, type SweepFile, type SweepProblem } from './sweepSchema';
import { isObject } from '../jsonShape';

/** A family is a short name: it labels table rows and CSV cells, so nothing long or odd gets in. */
const FAMILY_NAME = /^[A-Za-z0-9_-]{1,32}$/;
/** No model HeadLab drives has more layers or heads per layer than this; a larger number is a typo or an attack. */
const MAX_GRID = 4096;
/** The most new tokens any HeadLab run asks for, with room to spare. */
const MAX_NEW_TOKENS = 1 << 16;

const count = (v: unknown, min: number, max: number) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/** Parses a sweep file's text (a byte-order mark allowed), naming `source` when it is not JSON. */
export function parseSweepText(text: string, source = 'sweep file'): SweepFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new SweepFileError(`${source}: not valid JSON (${(err as Error).message}); was it cut off while being written, or edited by hand?`);
  }
  return validateSweepFile(raw, source);
}

/** Checks the shape of parsed JSON and returns it typed, or throws SweepFileError saying which field is wrong. */
export function validateSweepFile(raw: unknown, source = 'sweep file'): SweepFile {
  const fail = (why: string): never => {
    throw new SweepFileError(`${source}: ${why}`);
  };
  if (!isObject(raw)) return fail('not a JSON object');
  const f = raw as Partial<SweepFile>;
  if (f.schema !== SWEEP_SCHEMA) fail(`"schema" is ${JSON.stringify(f.schema)}, expected "${SWEEP_SCHEMA}"`);
  if (f.version !== 1 && f.version !== 2) fail(`version ${JSON.stringify(f.version)} is not supported (this HeadLab reads versions 1 and 2)`);
  if (f.mode !== 'generate' && f.mode !== 'logprob') fail(`"mode" must be "generate" or "logprob"`);
  const m = f.model;
  if (!isObject(m) || typeof m.name !== 'string' || typeof m.fingerprint !== 'string' || !count(m.numLayers, 1, MAX_GRID) || !count(m.numHeads, 1, MAX_GRID)) {
    fail(`"model" needs a name, a fingerprint, and numLayers and numHeads from 1 to ${MAX_GRID}`);
  }
  if (!count(f.maxNewTokens, 1, MAX_NEW_TOKENS)) fail(`"maxNewTokens" must be a whole number from 1 to ${MAX_NEW_TOKENS}, got ${JSON.stringify(f.maxNewTokens)}`);
  if (!Array.isArray(f.problems) || !Array.isArray(f.configs) || !Array.isArray(f.cells)) fail('"problems", "configs" and "cells" must be arrays');
  const { numLayers, numHeads } = m!;
  for (const [i, c] of f.configs!.entries()) {
    const pair = (h: unknown) => Array.isArray(h) && h.length === 2 && count(h[0], 0, numLayers - 1) && count(h[1], 0, numHeads - 1);
    if (!Array.isArray(c) || !c.every(pair)) fail(`configs[${i}] is not a list of [layer, head] pairs inside ${numLayers} x ${numHeads}`);
  }
  if (f.truncations !== undefined) {
    if (f.version === 1) fail('"truncations" needs version 2');
    if (!Array.isArray(f.truncations) || f.truncations.length !== f.configs!.length) fail('"truncations" must be an array as long as "configs"');
    for (const [i, t] of f.truncations!.entries()) {
      try {
        if (!Array.isArray(t) || t.some((x) => typeof x !== 'string')) throw new Error('not a list of strings');
        parseTruncations(t.join(','));
      } catch (err) {
        fail(`truncations[${i}]: ${(err as Error).message}`);
      }
    }
  }
  for (const [i, p] of f.problems!.entries()) checkProblem(p, i, fail);
  if (f.shard !== undefined && !(isObject(f.shard) && count(f.shard.count, 1, MAX_GRID * MAX_GRID) && count(f.shard.index, 0, (f.shard.count as number) - 1))) {
    fail(`"shard" must be {index, count} with 0 <= index < count, got ${JSON.stringify(f.shard)}`);
  }
  const seen = new Map<string, number>();
  for (const [i, c] of f.cells!.entries()) {
    if (!isObject(c)) fail(`cells[${i}] is not an object`);
    if (!count(c.config, 0, f.configs!.length - 1) || !count(c.problem, 0, f.problems!.length - 1)) fail(`cells[${i}] points outside the configs or problems`);
    const key = `${c.config}:${c.problem}`;
    if (seen.has(key)) fail(`cells[${i}] repeats configuration ${c.config}, problem ${c.problem} (first at cells[${seen.get(key)}]): a cell may appear once`);
    seen.set(key, i);
    if (f.mode === 'generate') {
      if (typeof c.correct !== 'boolean') fail(`cells[${i}].correct must be true or false, got ${JSON.stringify(c.correct)}`);
      if (c.predicted !== null && typeof c.predicted !== 'string') fail(`cells[${i}].predicted must be a string or null, got ${JSON.stringify(c.predicted)}`);
      if (!count(c.tokens, 0, f.maxNewTokens!)) fail(`cells[${i}].tokens must be a whole number from 0 to ${f.maxNewTokens}, got ${JSON.stringify(c.tokens)}`);
    } else if (typeof c.logprob !== 'number' || !Number.isFinite(c.logprob) || c.logprob > 0) {
      fail(`cells[${i}].logprob must be a finite log-probability (0 or less), got ${JSON.stringify(c.logprob)}`);
    }
  }
  return f as SweepFile;
}

function checkProblem(p: unknown, i: number, fail: (why: string) => never): void {
  if (!isObject(p)) return fail(`problems[${i}] is not an object`);
  const q = p as Partial<SweepProblem>;
  for (const field of ['id', 'question', 'reference'] as const) {
    if (typeof q[field] !== 'string') fail(`problems[${i}].${field} must be a string, got ${JSON.stringify(q[field])}`);
  }
  if (q.solution !== undefined && typeof q.solution !== 'string') fail(`problems[${i}].solution must be a string when present`);
  if (q.family !== undefined && !(typeof q.family === 'string' && FAMILY_NAME.test(q.family))) {
    fail(`problems[${i}].family must be a short name (letters, digits, "_" or "-", at most 32), got ${JSON.stringify(q.family)}`);
  }
}
