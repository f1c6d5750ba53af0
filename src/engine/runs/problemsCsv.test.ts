import { describe, expect, it } from 'vitest';
import type { Problem } from '../problems/problem';
import type { EvalReport, EvalResult } from './evaluateProblems';
import { comparisonProblemsCsv } from './problemsCsv';

const problems: Problem[] = [
  { id: 'p1', question: 'What is 2 + 3?', reference: '5', source: 'pasted' },
  { id: 'p2', question: '=HYPERLINK("x") says "hi"', reference: '-4', source: 'pasted' },
];

function result(id: string, predicted: string | null, correct: boolean): EvalResult {
  return { id, predicted, reference: null, correct, text: '', tokens: 1, ids: [], seconds: 0, batch: 0 };
}

function report(results: EvalResult[]): EvalReport {
  return { accuracy: 0, n: results.length, byLevel: {}, byFamily: {}, results };
}

describe('comparisonProblemsCsv', () => {
  it('writes one row per problem: answers, correctness as 1 or 0, and the flip', () => {
    const csv = comparisonProblemsCsv(problems, report([result('p1', '6', false), result('p2', '-4', true)]), report([result('p1', '5', true), result('p2', null, false)]));
    expect(csv.trimEnd().split('\n')).toEqual([
      'problem_id,question,reference,unpruned_answer,unpruned_correct,pruned_answer,pruned_correct,flip',
      '"p1","What is 2 + 3?","5","6",0,"5",1,"fixed"',
      `"p2","'=HYPERLINK(""x"") says ""hi""","'-4","'-4",1,"",0,"broken"`,
    ]);
  });
});
