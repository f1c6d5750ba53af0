/**
 * The line-by-line half of loading problem JSONL, shared by every format:
 * line splitting (LF, CRLF or CR; blank lines skipped), JSON parsing, typed
 * field access, length guards and duplicate ids. A bad line becomes a
 * `LineError` with its 1-based line number and the rest still load.
 */
import type { LineError, ParsedProblems, Problem } from './problem';

export interface ParseProblemsOptions {
  /**
   * Longest question accepted, in characters. A longer one is reported as a
   * line error rather than truncated: a cut question is a different question.
   */
  maxQuestionChars?: number;
  /** Longest line that is parsed at all, in characters; guards against pasting a whole file into one line. */
  maxLineChars?: number;
}

/** MATH's longest problems run to a few thousand characters; GSM8K's to under one thousand. */
export const DEFAULT_MAX_QUESTION_CHARS = 8_000;
export const DEFAULT_MAX_LINE_CHARS = 100_000;

/** A record's field failed a check; the message is the line error's. */
export class RecordError extends Error {}

/** Turns one JSON object into a problem, throwing `RecordError` when a field is wrong. */
export type RecordReader = (record: Record<string, unknown>, line: number) => Problem;

/** The JSON type of a value, as error messages name it. */
export function jsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/** A string field, trimmed; missing, non-string or (unless `allowEmpty`) blank values throw. */
export function stringField(record: Record<string, unknown>, name: string, allowEmpty = false): string {
  if (!(name in record)) throw new RecordError(`missing "${name}" field`);
  const value = record[name];
  if (typeof value !== 'string') throw new RecordError(`"${name}" must be a string, got ${jsonTypeName(value)}`);
  const trimmed = value.trim();
  if (!trimmed && !allowEmpty) throw new RecordError(`"${name}" is empty`);
  return trimmed;
}

/** An optional string field: undefined when absent, otherwise as `stringField`. */
export function optionalString(record: Record<string, unknown>, name: string): string | undefined {
  return name in record && record[name] !== null ? stringField(record, name) : undefined;
}

/** An optional id: a string or an integer, as data sets spell ids. */
export function optionalId(record: Record<string, unknown>, name: string): string | undefined {
  const value = record[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return stringField(record, name);
}

function parseObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new RecordError(`invalid JSON: ${(err as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RecordError(`expected a JSON object, got ${jsonTypeName(value)}`);
  }
  return value as Record<string, unknown>;
}

/**
 * Reads every non-blank line of `text` with `read`. Lines that fail (bad
 * JSON, a wrong field, an over-long question, a repeated id) are reported
 * and skipped.
 */
export function readJsonlProblems(text: string, read: RecordReader, options: ParseProblemsOptions = {}): ParsedProblems {
  const maxQuestion = options.maxQuestionChars ?? DEFAULT_MAX_QUESTION_CHARS;
  const maxLine = options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS;
  const problems: Problem[] = [];
  const errors: LineError[] = [];
  const firstLineOfId = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    try {
      if (raw.length > maxLine) throw new RecordError(`line is ${raw.length} characters, over the limit of ${maxLine}`);
      const problem = read(parseObject(raw), line);
      if (problem.question.length > maxQuestion) {
        throw new RecordError(`question is ${problem.question.length} characters, over the limit of ${maxQuestion}`);
      }
      const first = firstLineOfId.get(problem.id);
      if (first !== undefined) throw new RecordError(`duplicate id "${problem.id}" (first on line ${first})`);
      firstLineOfId.set(problem.id, line);
      problems.push(problem);
    } catch (err) {
      if (!(err instanceof RecordError)) throw err;
      errors.push({ line, message: err.message });
    }
  });
  return { problems, errors };
}
