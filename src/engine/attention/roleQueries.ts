/**
 * Which query tokens each head role is measured on, and which keys count
 * for it, in one sequence. These depend on the tokens only, not on a head:
 * a head's role score is then the mean, over these queries, of the weight
 * it puts on their keys (headRoles.ts).
 */

/** The roles HeadLab scores, after TransformerLens' head detectors. */
export const HEAD_ROLES = ['previousToken', 'firstToken', 'sameToken', 'numberCopying', 'induction'] as const;
export type HeadRole = (typeof HEAD_ROLES)[number];

/** What each role measures, in the words the grid and the exports use. */
export const ROLE_INFO: Record<HeadRole, { label: string; csv: string; means: string }> = {
  previousToken: { label: 'previous token', csv: 'previous_token', means: 'weight on the token just before' },
  firstToken: { label: 'first token (sink)', csv: 'first_token', means: 'weight on the first token, from every later token' },
  sameToken: { label: 'same token', csv: 'same_token', means: 'weight on the token itself and on its earlier copies' },
  numberCopying: { label: 'number copying', csv: 'number_copying', means: "weight from the answer's number digits on the same number in the question" },
  induction: { label: 'induction', csv: 'induction', means: 'weight on the token after an earlier copy of this token' },
};

/** One query token and the keys whose weight counts for a role. */
export interface RoleQuery {
  query: number;
  keys: number[];
}

/** A sequence as the role queries see it. */
export interface RoleSequence {
  ids: number[];
  /** Each token's text, for finding numbers. */
  tokens: string[];
  /** Tokens [0, promptLength) are the question; the rest the answer. */
  promptLength: number;
}

/** Runs of consecutive digit tokens: [start, end) and the number they spell. */
function numberRuns(tokens: string[]): { start: number; end: number; value: string }[] {
  const runs: { start: number; end: number; value: string }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!/^\d+$/.test(tokens[i].trim())) continue;
    const last = runs.at(-1);
    if (last && last.end === i) {
      last.end = i + 1;
      last.value += tokens[i].trim();
    } else runs.push({ start: i, end: i + 1, value: tokens[i].trim() });
  }
  return runs;
}

const range = (start: number, end: number) => Array.from({ length: end - start }, (_, i) => start + i);

/** Number copying: each digit of an answer number that also stands in the question, over that number's question tokens. */
function numberQueries(seq: RoleSequence): RoleQuery[] {
  const runs = numberRuns(seq.tokens);
  const inQuestion = runs.filter((r) => r.end <= seq.promptLength);
  const out: RoleQuery[] = [];
  for (const run of runs.filter((r) => r.start >= seq.promptLength)) {
    const keys = inQuestion.filter((q) => q.value === run.value).flatMap((q) => range(q.start, q.end));
    if (keys.length) for (let q = run.start; q < run.end; q++) out.push({ query: q, keys });
  }
  return out;
}

/** The queries of every role in one sequence. */
export function roleQueries(seq: RoleSequence): Record<HeadRole, RoleQuery[]> {
  const { ids } = seq;
  const n = ids.length;
  const previousToken: RoleQuery[] = [];
  const firstToken: RoleQuery[] = [];
  const sameToken: RoleQuery[] = [];
  const induction: RoleQuery[] = [];
  for (let q = 1; q < n; q++) {
    previousToken.push({ query: q, keys: [q - 1] });
    firstToken.push({ query: q, keys: [0] });
    const earlier = range(0, q).filter((j) => ids[j] === ids[q]);
    sameToken.push({ query: q, keys: [...earlier, q] });
    // The token after an earlier copy, when that token is itself earlier than the query.
    const next = earlier.map((j) => j + 1).filter((k) => k < q);
    if (next.length) induction.push({ query: q, keys: next });
  }
  return { previousToken, firstToken, sameToken, numberCopying: numberQueries(seq), induction };
}
