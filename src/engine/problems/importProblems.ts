/**
 * An imported problem file, bounded: its size, how many problems a set may
 * hold, and how many bad lines are listed. A 64 MB file of 300,000
 * problems once froze the page for 270 s drawing them; random bytes listed
 * 811,825 errors. Runs in the worker, off the page's thread.
 */
import type { LineError, Problem } from './problem';
import { parseProblemsJsonl } from './problemsJsonl';

/** The largest file imported: GSM8K's training set is about 4 MB. */
export const MAX_IMPORT_BYTES = 16 * 1024 * 1024;
/** The most problems an imported set holds: GSM8K's test set (1,319) and MATH500 fit with room to spare. */
export const MAX_IMPORTED_PROBLEMS = 5000;
/** Bad lines listed by number; the rest are counted. */
export const MAX_LISTED_ERRORS = 50;

export interface ImportedProblems {
  problems: Problem[];
  /** The first MAX_LISTED_ERRORS bad lines. */
  errors: LineError[];
  /** Bad lines beyond those listed. */
  moreErrors: number;
  /** Problems the file held past the cap (0 when none). */
  overCap: number;
}

/** Refuses a file over MAX_IMPORT_BYTES before it is read, naming the limit. */
export function checkImportSize(name: string, bytes: number): void {
  if (bytes > MAX_IMPORT_BYTES) {
    throw new Error(`${name} is ${(bytes / 1024 / 1024).toFixed(1)} MB; HeadLab imports files of up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB (a problem set holds at most ${MAX_IMPORTED_PROBLEMS} problems).`);
  }
}

/** Parses JSONL text into at most MAX_IMPORTED_PROBLEMS problems, listing the first bad lines. */
export function importProblems(text: string): ImportedProblems {
  const { problems, errors } = parseProblemsJsonl(text);
  return {
    problems: problems.slice(0, MAX_IMPORTED_PROBLEMS),
    errors: errors.slice(0, MAX_LISTED_ERRORS),
    moreErrors: Math.max(0, errors.length - MAX_LISTED_ERRORS),
    overCap: Math.max(0, problems.length - MAX_IMPORTED_PROBLEMS),
  };
}
