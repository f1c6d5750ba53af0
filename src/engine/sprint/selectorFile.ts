/**
 * A trained selector as a file: checked field by field on the way in, so an
 * edited, truncated or foreign JSON file is refused with the field at fault
 * instead of producing silent nonsense rankings.
 */
import { InvalidRequestError } from '../model/errors';
import { layout } from './selector';
import { SELECTOR_SCHEMA, SELECTOR_ENCODERS, SELECTOR_VERSION, type SprintSelector } from './selectorFormat';
import { MAX_PROBLEMS_TEXT } from './trainedOn';
import { isObject } from '../jsonShape';

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;
/**
 * The largest magnitude a trained selector's numbers reach, with a wide margin: weights, log-odds
 * and calibration beyond it overflow into NaN chances (1e300 weights did), so a file holding one is refused.
 */
const MAX_MAGNITUDE = 1e6;
/** No model HeadLab drives has a wider grid or embedding than this. */
const MAX_SIZE = 1 << 16;
const sane = (p: unknown) => typeof p === 'number' && Number.isFinite(p) && Math.abs(p) <= MAX_MAGNITUDE;

/**
 * Validates parsed JSON as a SPRINT selector.
 * @param where the file name, for messages
 */
export function parseSelector(raw: unknown, where = 'selector file'): SprintSelector {
  const bad = (what: string) => new InvalidRequestError(`${where} is not a usable HeadLab SPRINT selector: ${what}.`);
  if (!isObject(raw) || raw.schema !== SELECTOR_SCHEMA) throw new InvalidRequestError(`${where} is not a HeadLab SPRINT selector (its "schema" is not "${SELECTOR_SCHEMA}").`);
  if (raw.version !== SELECTOR_VERSION) {
    throw bad(`version ${JSON.stringify(raw.version)} is not supported (this app reads version ${SELECTOR_VERSION}; version 1 selectors could not say when pruning would not help: train it again)`);
  }
  const model = raw.model;
  if (!isObject(model) || typeof model.fingerprint !== 'string' || !isCount(model.numLayers) || !isCount(model.numHeads) || model.numLayers > 4096 || model.numHeads > 4096) {
    throw bad('"model" needs a fingerprint and numLayers and numHeads from 1 to 4096');
  }
  if (!SELECTOR_ENCODERS.includes(raw.encoder as SprintSelector['encoder'])) throw bad(`unknown encoder ${JSON.stringify(raw.encoder)}`);
  const shape = raw.shape;
  if (!isObject(shape) || ![shape.dIn, shape.hidden, shape.k, shape.nHeads].every((v) => isCount(v) && v <= MAX_SIZE * MAX_SIZE)) throw bad('"shape" needs positive dIn, hidden, k and nHeads');
  if (![shape.dIn, shape.hidden, shape.k].every((v) => (v as number) <= MAX_SIZE)) throw bad(`"shape" dIn, hidden and k must be at most ${MAX_SIZE}`);
  const s = shape as unknown as SprintSelector['shape'];
  const nCand = model.numLayers * model.numHeads + 1;
  if (s.nHeads !== nCand) throw bad(`shape.nHeads is ${s.nHeads}, but the model has ${model.numLayers} x ${model.numHeads} heads (and "prune nothing": ${nCand})`);
  const params = raw.params;
  const size = layout(s).size;
  if (!Array.isArray(params) || params.length !== size) throw bad(`"params" must hold ${size} numbers for this shape, it holds ${Array.isArray(params) ? params.length : 'none'}`);
  if (!params.every(sane)) throw bad(`"params" holds a value that is not a finite number of magnitude at most ${MAX_MAGNITUDE}`);
  if (typeof raw.temperature !== 'number' || !(raw.temperature > 0) || raw.temperature > MAX_MAGNITUDE) throw bad(`"temperature" must be a positive number of at most ${MAX_MAGNITUDE}`);
  if (!Array.isArray(raw.trainIds) || !raw.trainIds.every((id) => typeof id === 'string')) throw bad('"trainIds" must list the training problem ids');
  const numbers = (v: unknown, length: number) => Array.isArray(v) && v.length === length && v.every(sane);
  const cal = raw.calibration;
  if (!isObject(cal) || !numbers([cal.a, cal.b], 2)) throw bad(`"calibration" needs numbers a and b of magnitude at most ${MAX_MAGNITUDE}`);
  if (!numbers(raw.meanLogits, nCand)) throw bad(`"meanLogits" must hold ${nCand} numbers`);
  if (!sane(raw.beta) || !((raw.beta as number) >= 0)) throw bad(`"beta" must be a number from 0 to ${MAX_MAGNITUDE}`);
  if (!sane(raw.betaFirst) || !((raw.betaFirst as number) >= 0)) throw bad(`"betaFirst" must be a number from 0 to ${MAX_MAGNITUDE}`);
  if (typeof raw.noneFirst !== 'boolean') throw bad('"noneFirst" must be true or false');
  const order = raw.fixedOrder;
  if (!numbers(order, nCand) || new Set(order as number[]).size !== nCand || !(order as number[]).every((j) => Number.isInteger(j) && j >= 0 && j < nCand)) {
    throw bad(`"fixedOrder" must order all ${nCand} candidates once each`);
  }
  if (!numbers(raw.outcomes, (raw.trainIds as unknown[]).length * nCand) || !(raw.outcomes as number[]).every((y) => y >= 0 && y <= 1)) {
    throw bad(`"outcomes" must hold ${nCand} numbers from 0 to 1 per training question`);
  }
  if (raw.labels !== 'answer' && raw.labels !== 'logprob') throw bad('"labels" must be "answer" or "logprob"');
  const trainedOn = raw.trainedOn;
  if (trainedOn !== undefined) {
    const ok = isObject(trainedOn) && isCount(trainedOn.count) && typeof trainedOn.problems === 'string' && trainedOn.problems.trim() !== '';
    if (!ok || (trainedOn.problems as string).length > MAX_PROBLEMS_TEXT) {
      throw bad(`"trainedOn", when present, needs a positive count and a problems text of at most ${MAX_PROBLEMS_TEXT} characters`);
    }
  }
  const validation = Array.isArray(raw.validation) ? (raw.validation as SprintSelector['validation']) : [];
  const losses = Array.isArray(raw.losses) ? raw.losses.filter((l): l is number => typeof l === 'number') : [];
  return {
    schema: SELECTOR_SCHEMA,
    version: SELECTOR_VERSION,
    model: { fingerprint: model.fingerprint, numLayers: model.numLayers as number, numHeads: model.numHeads as number },
    encoder: raw.encoder as SprintSelector['encoder'],
    shape: { dIn: s.dIn, hidden: s.hidden, k: s.k, nHeads: s.nHeads },
    temperature: raw.temperature,
    seed: typeof raw.seed === 'number' ? raw.seed : 0,
    trainIds: raw.trainIds as string[],
    params: params as number[],
    losses,
    calibration: { a: cal.a as number, b: cal.b as number },
    meanLogits: raw.meanLogits as number[],
    beta: raw.beta as number,
    betaFirst: raw.betaFirst as number,
    noneFirst: raw.noneFirst,
    validation,
    fixedOrder: order as number[],
    outcomes: raw.outcomes as number[],
    labels: raw.labels,
    ...(isObject(trainedOn) ? { trainedOn: { count: trainedOn.count as number, problems: trainedOn.problems as string } } : {}),
  };
}

/** Parses selector JSON text (an import, a CLI argument). */
export function parseSelectorText(text: string, where = 'selector file'): SprintSelector {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new InvalidRequestError(`${where} is not valid JSON (${(err as Error).message}).`);
  }
  return parseSelector(raw, where);
}
