/**
 * GSM8K JSONL: one `{"question": ..., "answer": ...}` object per line, where
 * `answer` is the worked solution ending in a `#### N` line (the format
 * `npm run problems` also writes).
 */
import type { ParsedProblems, Problem } from './problem';
import { optionalId, readJsonlProblems, RecordError, stringField, type ParseProblemsOptions } from './jsonlRecords';

/** The text of the last `#### ...` line of a GSM8K answer, or undefined when it has none. */
export function gsm8kFinalAnswer(answer: string): string | undefined {
  const finals = [...answer.matchAll(/^[ \t]*####[ \t]*(.*)$/gm)];
  return finals.length ? finals[finals.length - 1][1].trim() : undefined;
}

/** One GSM8K record as a problem; throws `RecordError` naming the field at fault. */
export function gsm8kProblem(record: Record<string, unknown>, line: number): Problem {
  const question = stringField(record, 'question');
  const answer = stringField(record, 'answer');
  const reference = gsm8kFinalAnswer(answer);
  if (reference === undefined) throw new RecordError('"answer" has no final "#### <answer>" line');
  if (!reference) throw new RecordError('"answer" has an empty "####" line');
  return {
    id: optionalId(record, 'id') ?? `gsm8k-${line}`,
    question,
    reference,
    solution: answer,
    source: 'gsm8k',
  };
}

/**
 * Parses GSM8K JSONL. Ids are the record's `id` when it has one, else
 * `gsm8k-<line>`. Bad lines are reported in `errors` with their 1-based
 * line number and skipped; blank lines are ignored.
 */
export function parseGsm8kJsonl(text: string, options?: ParseProblemsOptions): ParsedProblems {
  return readJsonlProblems(text, gsm8kProblem, options);
}
