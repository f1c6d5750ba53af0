import { describe, expect, it } from 'vitest';
import { gsm8kFinalAnswer, parseGsm8kJsonl } from './gsm8kJsonl';
import { parseMath500Jsonl } from './math500Jsonl';
import { problemFromSynthetic } from './problem';
import { parseProblemsJsonl } from './problemsJsonl';
import { syntheticProblem } from './synthetic';

const line = (record: unknown) => JSON.stringify(record);

const GSM_GOOD_1 = line({ question: 'Ann has 3 cats and gets 2 more. How many cats?', answer: 'She has 3 + 2 = <<3+2=5>>5 cats.\n#### 5' });
const GSM_GOOD_2 = line({ question: 'A box holds 1,200 pins. How many in 2 boxes?', answer: '2 * 1,200 = 2,400\n#### 2,400', id: 'pins' });

const MATH_GOOD = line({
  problem: 'What is $\\frac{1}{2}+\\frac{1}{4}$?',
  solution: 'The sum is $\\boxed{\\frac{3}{4}}$.',
  answer: '\\frac{3}{4}',
  subject: 'Prealgebra',
  level: 2,
  unique_id: 'test/prealgebra/1.json',
});

describe('parseGsm8kJsonl', () => {
  it('loads good lines, numbering ids by line, and reports each bad line by number', () => {
    const text = [
      GSM_GOOD_1,
      '',
      '{"question": "Broken", "answer": ',
      line({ question: 'No final line', answer: 'It is 4.' }),
      line({ answer: '#### 3' }),
      line({ question: 7, answer: '#### 7' }),
      line({ question: '   ', answer: '#### 1' }),
      line({ question: 'Empty final', answer: 'So:\n####   ' }),
      '[1, 2]',
      GSM_GOOD_2,
      '   ',
    ].join('\n');
    const { problems, errors } = parseGsm8kJsonl(text);
    expect(problems).toEqual([
      {
        id: 'gsm8k-1',
        question: 'Ann has 3 cats and gets 2 more. How many cats?',
        reference: '5',
        solution: 'She has 3 + 2 = <<3+2=5>>5 cats.\n#### 5',
        source: 'gsm8k',
      },
      { id: 'pins', question: 'A box holds 1,200 pins. How many in 2 boxes?', reference: '2,400', solution: '2 * 1,200 = 2,400\n#### 2,400', source: 'gsm8k' },
    ]);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(errors[0].message).toMatch(/^invalid JSON: /);
    expect(errors.slice(1)).toEqual([
      { line: 4, message: '"answer" has no final "#### <answer>" line' },
      { line: 5, message: 'missing "question" field' },
      { line: 6, message: '"question" must be a string, got number' },
      { line: 7, message: '"question" is empty' },
      { line: 8, message: '"answer" has an empty "####" line' },
      { line: 9, message: 'expected a JSON object, got array' },
    ]);
  });

  it('handles CRLF line ends and a byte-order mark', () => {
    const { problems, errors } = parseGsm8kJsonl(`\uFEFF${GSM_GOOD_1}\r\n\r\n${GSM_GOOD_2}\r\n`);
    expect(errors).toEqual([]);
    expect(problems.map((p) => p.id)).toEqual(['gsm8k-1', 'pins']);
    expect(problems[1].reference).toBe('2,400');
  });

  it('reports a MATH500 line as missing the GSM8K question', () => {
    expect(parseGsm8kJsonl(MATH_GOOD).errors).toEqual([{ line: 1, message: 'missing "question" field' }]);
  });

  it('takes the last #### line as the final answer', () => {
    expect(gsm8kFinalAnswer('#### 1\nwait\n#### 2 ')).toBe('2');
    expect(gsm8kFinalAnswer('no final')).toBeUndefined();
  });
});

describe('parseMath500Jsonl', () => {
  it('loads MATH500 records with their unique_id, subject and level', () => {
    const { problems, errors } = parseMath500Jsonl(MATH_GOOD);
    expect(errors).toEqual([]);
    expect(problems).toEqual([
      {
        id: 'test/prealgebra/1.json',
        question: 'What is $\\frac{1}{2}+\\frac{1}{4}$?',
        reference: '\\frac{3}{4}',
        solution: 'The sum is $\\boxed{\\frac{3}{4}}$.',
        source: 'math500',
        level: 2,
        subject: 'Prealgebra',
      },
    ]);
  });

  it('loads full-MATH records: answer from \\boxed{}, "Level N", type as subject', () => {
    const record = line({ problem: 'Simplify $\\sqrt{8}$.', solution: 'It is $\\boxed{2\\sqrt{2}}$.', level: 'Level 3', type: 'Algebra' });
    const [p] = parseMath500Jsonl(record).problems;
    expect(p).toMatchObject({ id: 'math500-1', reference: '2\\sqrt{2}', level: 3, subject: 'Algebra' });
  });

  it('reports each bad line by number and loads the rest', () => {
    const text = [
      line({ problem: 'No answer anywhere', solution: 'It is 4.' }),
      line({ problem: 'Answer not text', answer: 4 }),
      line({ problem: '', answer: '1' }),
      line({ problem: 'Bad level', answer: '1', level: [5] }),
      line({ problem: 'Bad subject', answer: '1', subject: 3 }),
      MATH_GOOD,
      MATH_GOOD,
      'null',
    ].join('\r\n');
    const { problems, errors } = parseMath500Jsonl(text);
    expect(problems.map((p) => p.id)).toEqual(['test/prealgebra/1.json']);
    expect(errors).toEqual([
      { line: 1, message: 'missing "answer" field, and no \\boxed{} answer in "solution"' },
      { line: 2, message: '"answer" must be a string, got number' },
      { line: 3, message: '"problem" is empty' },
      { line: 4, message: '"level" must be a number or a string, got array' },
      { line: 5, message: '"subject" must be a string, got number' },
      { line: 7, message: 'duplicate id "test/prealgebra/1.json" (first on line 6)' },
      { line: 8, message: 'expected a JSON object, got null' },
    ]);
  });
});

describe('parseProblemsJsonl', () => {
  it('detects the format of each line', () => {
    const text = [GSM_GOOD_1, MATH_GOOD, line({ prompt: 'What?', completion: '1' }), GSM_GOOD_2].join('\n');
    const { problems, errors } = parseProblemsJsonl(text);
    expect(problems.map((p) => [p.id, p.source, p.reference])).toEqual([
      ['gsm8k-1', 'gsm8k', '5'],
      ['test/prealgebra/1.json', 'math500', '\\frac{3}{4}'],
      ['pins', 'gsm8k', '2,400'],
    ]);
    expect(errors).toEqual([
      { line: 3, message: 'neither a GSM8K record ("question", "answer") nor a MATH500 record ("problem", "answer")' },
    ]);
  });

  it('reports an over-long question instead of truncating it', () => {
    const long = line({ question: `${'Ann has many cats. '.repeat(30)}How many?`, answer: '#### 1' });
    const { problems, errors } = parseProblemsJsonl([GSM_GOOD_1, long].join('\n'), { maxQuestionChars: 200 });
    expect(problems).toHaveLength(1);
    expect(errors).toEqual([{ line: 2, message: 'question is 579 characters, over the limit of 200' }]);
  });

  it('reports an over-long line without parsing it', () => {
    const { errors } = parseProblemsJsonl(`${GSM_GOOD_1}\n${'x'.repeat(50)}`, { maxLineChars: 40 });
    expect(errors).toEqual([
      { line: 1, message: `line is ${GSM_GOOD_1.length} characters, over the limit of 40` },
      { line: 2, message: 'line is 50 characters, over the limit of 40' },
    ]);
  });

  it('gives nothing for empty text', () => {
    expect(parseProblemsJsonl('')).toEqual({ problems: [], errors: [] });
    expect(parseProblemsJsonl('\n\r\n  \n')).toEqual({ problems: [], errors: [] });
  });

  it('round-trips the synthetic generator through its GSM8K JSONL', () => {
    const generated = [syntheticProblem(7, 0), syntheticProblem(7, 1)];
    const text = generated.map((p) => line({ question: p.question, answer: p.answer })).join('\n');
    const { problems, errors } = parseProblemsJsonl(text);
    expect(errors).toEqual([]);
    expect(problems.map((p) => p.reference)).toEqual(generated.map((p) => String(p.final)));
  });
});

describe('problemFromSynthetic', () => {
  it('keeps the id, question, solution and level, with the final number as reference', () => {
    const p = syntheticProblem(3, 4, 2);
    expect(problemFromSynthetic(p)).toEqual({
      id: p.id,
      question: p.question,
      reference: String(p.final),
      solution: p.answer,
      source: 'synthetic',
      level: 2,
    });
  });
});
