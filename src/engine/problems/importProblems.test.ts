import { describe, expect, it } from 'vitest';
import { checkImportSize, importProblems, MAX_IMPORTED_PROBLEMS, MAX_LISTED_ERRORS } from './importProblems';

describe('importProblems', () => {
  it('caps the set, lists the first bad lines and counts the rest', () => {
    const good = (i: number) => JSON.stringify({ question: `Sam has ${i} cards. How many cards does Sam have?`, answer: `#### ${i}` });
    const lines = [...Array.from({ length: MAX_IMPORTED_PROBLEMS + 7 }, (_, i) => good(i)), ...Array.from({ length: MAX_LISTED_ERRORS + 30 }, () => '{broken')];
    const result = importProblems(lines.join('\n'));
    expect(result.problems).toHaveLength(MAX_IMPORTED_PROBLEMS);
    expect(result.overCap).toBe(7);
    expect(result.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(result.errors[0].line).toBe(MAX_IMPORTED_PROBLEMS + 8);
    expect(result.moreErrors).toBe(30);
  });

  it('refuses a file over the size limit before reading it', () => {
    expect(() => checkImportSize('big.jsonl', 17 * 1024 * 1024)).toThrow('big.jsonl is 17.0 MB; HeadLab imports files of up to 16 MB');
    expect(() => checkImportSize('ok.jsonl', 1024)).not.toThrow();
  });
});
