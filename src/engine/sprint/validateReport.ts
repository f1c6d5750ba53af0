/**
 * A SPRINT evaluation report read back from storage, checked field by
 * field: a damaged or hand-edited record is refused with the field at
 * fault, so the tables and charts never draw from nonsense.
 */
import { InvalidRequestError } from '../model/errors';
import { BASELINES, METHODS, type ComparisonReport } from './compareMethods';
import { isObject } from '../jsonShape';

const isCount = (v: unknown, min = 0): v is number => Number.isInteger(v) && (v as number) >= min;
/** A share or a difference of shares; NaN where nothing was counted (bestOfN's empty mean). */
const isShare = (v: unknown) => typeof v === 'number' && (Number.isNaN(v) || (v >= -1 && v <= 1));
const isEstimate = (v: unknown) => isObject(v) && isShare(v.mean) && isShare(v.low) && isShare(v.high);
const isAttempt = (v: unknown) => isObject(v) && (v.answer === null || typeof v.answer === 'string') && typeof v.correct === 'boolean';
const isPick = (v: unknown) => v === null || (Array.isArray(v) && v.length === 2 && v.every((x) => isCount(x)));

/** Whether `v` holds one list per problem, each of at least `n` items (the largest N reported) that pass `ok`. */
const perProblem = (v: unknown, problems: number, n: number, ok: (x: unknown) => boolean) =>
  Array.isArray(v) && v.length === problems && v.every((row) => Array.isArray(row) && row.length >= n && row.every(ok));

/**
 * Validates parsed data as a SPRINT comparison report and returns it typed.
 * @param where what the data is, for messages ("saved evaluation")
 */
export function validateComparisonReport(raw: unknown, where: string): ComparisonReport {
  const bad = (what: string) => new InvalidRequestError(`${where} is not a usable SPRINT evaluation: ${what}.`);
  if (!isObject(raw)) throw bad('it is not an object');
  const { ns, problems, families, methods, paired, attempts, picks } = raw;
  if (!Array.isArray(ns) || ns.length === 0 || !ns.every((n, i) => isCount(n, 1) && (i === 0 || n > ns[i - 1]))) throw bad('"ns" must list rising counts from 1');
  if (!Array.isArray(problems) || problems.length === 0 || !problems.every((p) => typeof p === 'string')) throw bad('"problems" must list problem ids');
  if (families !== undefined && !(Array.isArray(families) && families.length === problems.length && families.every((f) => f === null || typeof f === 'string'))) {
    throw bad('"families", when present, needs one family or null per problem');
  }
  const points = (v: unknown, keys: string[]) =>
    Array.isArray(v) && v.length === ns.length && v.every((p, i) => isObject(p) && p.n === ns[i] && keys.every((k) => isEstimate(p[k])));
  const curves = (v: unknown, key: 'method' | 'against', names: readonly string[], ok: (c: Record<string, unknown>) => boolean) =>
    Array.isArray(v) && v.length === names.length && v.every((c, i) => isObject(c) && c[key] === names[i] && ok(c));
  if (!curves(methods, 'method', METHODS, (c) => points(c.points, ['passAtN', 'majority']))) throw bad(`"methods" must give pass@N and majority at each N for ${METHODS.join(', ')}`);
  const mcnemar = (m: unknown) => isObject(m) && isCount(m.aOnly) && isCount(m.bOnly) && typeof m.p === 'number' && m.p >= 0 && m.p <= 1;
  if (!curves(paired, 'against', BASELINES, (c) => points(c.points, ['diff']) && mcnemar(c.mcnemarAt1))) throw bad(`"paired" must compare SPRINT with ${BASELINES.join(', ')} at each N`);
  const maxN = ns.at(-1) as number;
  if (!isObject(attempts) || !METHODS.every((m) => perProblem(attempts[m], problems.length, maxN, isAttempt))) throw bad(`"attempts" must hold ${maxN} graded answers per problem and method`);
  if (!isObject(picks) || !(['random', 'fixed', 'sprint'] as const).every((m) => perProblem(picks[m], problems.length, maxN, isPick))) {
    throw bad(`"picks" must hold ${maxN} heads (or null) per problem for random, fixed and sprint`);
  }
  return raw as unknown as ComparisonReport;
}
