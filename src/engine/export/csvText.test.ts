import { describe, expect, it } from 'vitest';
import { csvText } from './csvText';

describe('csvText', () => {
  it('quotes a cell that would start a formula, as OWASP advises', () => {
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'].map(csvText)).toEqual(['"\'=1+1"', '"\'+1"', '"\'-1"', '"\'@SUM(A1)"', '"\'\tx"', '"\'\rx"']);
    expect(csvText('a "b" -c')).toBe('"a ""b"" -c"');
  });
});
