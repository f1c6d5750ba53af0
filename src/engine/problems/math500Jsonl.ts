/**
 * MATH500 JSONL: one `{"problem", "solution", "answer", "subject", "level",
 * "unique_id"}` object per line. Records of the full MATH set, which have
 * `type` for the subject, "Level 3" for the level and no `answer`, load too:
 * their answer is the solution's last `\boxed{}`.
 */
import { lastBoxed } from '../grading/extractAnswer';
import type { ParsedProblems, Problem } from './problem';
import {
  jsonTypeName,
  optionalId,
  optionalString,
  readJsonlProblems,
  RecordError,
  stringField,
  type ParseProblemsOptions,
} from './jsonlRecords';

/** A level as a number when it is one ("Level 3" or 3), otherwise the string given. */
function levelField(record: Record<string, unknown>): number | string | undefined {
  const value = record.level;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string') throw new RecordError(`"level" must be a number or a string, got ${jsonTypeName(value)}`);
  const m = value.trim().match(/^(?:Level\s+)?(\d+)$/i);
  return m ? Number(m[1]) : value.trim();
}

function referenceAnswer(record: Record<string, unknown>, solution: string | undefined): string {
  if ('answer' in record) return stringField(record, 'answer');
  const boxed = solution === undefined ? undefined : lastBoxed(solution);
  if (boxed) return boxed;
  throw new RecordError('missing "answer" field, and no \\boxed{} answer in "solution"');
}

/** One MATH500 record as a problem; throws `RecordError` naming the field at fault. */
export function math500Problem(record: Record<string, unknown>, line: number): Problem {
  const question = stringField(record, 'problem');
  const solution = optionalString(record, 'solution');
  const reference = referenceAnswer(record, solution);
  const subject = optionalString(record, 'subject') ?? optionalString(record, 'type');
  const level = levelField(record);
  const problem: Problem = {
    id: optionalId(record, 'unique_id') ?? optionalId(record, 'id') ?? `math500-${line}`,
    question,
    reference,
    source: 'math500',
  };
  if (solution !== undefined) problem.solution = solution;
  if (level !== undefined) problem.level = level;
  if (subject !== undefined) problem.subject = subject;
  return problem;
}

/**
 * Parses MATH500 JSONL. Ids are `unique_id` (e.g. "test/algebra/1.json"),
 * else `id`, else `math500-<line>`. Bad lines are reported in `errors` with
 * their 1-based line number and skipped; blank lines are ignored.
 */
export function parseMath500Jsonl(text: string, options?: ParseProblemsOptions): ParsedProblems {
  return readJsonlProblems(text, math500Problem, options);
}
