/** JSONL of GSM8K and MATH500 records, mixed freely: each line's format is told by its fields. */
import { gsm8kProblem } from './gsm8kJsonl';
import { readJsonlProblems, RecordError, type ParseProblemsOptions } from './jsonlRecords';
import { math500Problem } from './math500Jsonl';
import type { ParsedProblems, Problem } from './problem';

/** A line with `problem` is MATH500; one with `question` is GSM8K. */
function anyProblem(record: Record<string, unknown>, line: number): Problem {
  if ('problem' in record) return math500Problem(record, line);
  if ('question' in record) return gsm8kProblem(record, line);
  throw new RecordError('neither a GSM8K record ("question", "answer") nor a MATH500 record ("problem", "answer")');
}

/**
 * Parses JSONL whose lines are GSM8K or MATH500 records, detected per line.
 * Bad lines are reported in `errors` with their 1-based line number and
 * skipped; blank lines are ignored; ids must be unique across the text.
 */
export function parseProblemsJsonl(text: string, options?: ParseProblemsOptions): ParsedProblems {
  return readJsonlProblems(text, anyProblem, options);
}
