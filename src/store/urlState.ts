/**
 * The URL holds what makes a view reproducible: the model, the pruned heads
 * and the generated problem set. A shared link opens the same view.
 *   ?model=<bundled folder>&hub=<Hub id>&dtype=q4&prune=1.4,2.3&gen=mix&seed=7&count=10&level=2&backend=wasm&q=<question>
 * `gen` is absent for the synthetic generator, so links from before `mix` open as they did.
 * What a link holds that cannot be used is listed in `ignored`, for the page to say: a link is
 * never rewritten silently.
 */
import type { ModelSource } from '../engine/model/modelSource';
import { MODEL_DTYPES, type ModelDtype } from '../engine/model/modelFiles';
import { GENERATOR_NAMES, levelFor, MAX_GENERATED_PROBLEMS, type GeneratorName } from '../engine/problems/generators';
import type { HeadRef } from './headsStore';
import type { ProblemSetSpec } from './runsStore';
import type { BackendChoice } from '../worker/protocol';
import { DEFAULT_BUNDLED_MODEL } from '../engine/model/bundledModels';

export interface UrlView {
  source: ModelSource;
  prune: HeadRef[];
  spec?: ProblemSetSpec;
  /** Auto is left out of the link. */
  backend?: BackendChoice;
  /** The Question box's text; left out of a link when longer than MAX_LINK_QUESTION. */
  question?: string;
  /** Parameters the link held that could not be used, each in words (read only). */
  ignored?: string[];
}

/** The longest question a link carries, in characters: longer links break in mail and chat clients. */
export const MAX_LINK_QUESTION = 1500;

export function readUrlView(search: string): UrlView {
  const q = new URLSearchParams(search);
  const ignored: string[] = [];
  const hub = q.get('hub');
  const dtype = q.get('dtype');
  const name = q.get('model');
  if (name !== null && !/^[\w.-]+$/.test(name)) ignored.push(`model=${name} is not a bundled model's folder name`);
  if (dtype !== null && !(MODEL_DTYPES as string[]).includes(dtype)) ignored.push(`dtype=${dtype} is not one of ${MODEL_DTYPES.join(', ')}`);
  const source: ModelSource = hub
    ? { kind: 'hub', id: hub, dtype: dtype && (MODEL_DTYPES as string[]).includes(dtype) ? (dtype as ModelDtype) : undefined }
    : { kind: 'bundled', name: name && /^[\w.-]+$/.test(name) ? name : DEFAULT_BUNDLED_MODEL };
  const pruneText = (q.get('prune') ?? '').split(',').filter((p) => p !== '');
  const bad = pruneText.filter((p) => !/^\d+\.\d+$/.test(p));
  if (bad.length) ignored.push(`prune=${bad.join(',')} ${bad.length > 1 ? 'are' : 'is'} not LAYER.HEAD`);
  const prune = pruneText.flatMap((p) => (/^\d+\.\d+$/.test(p) ? [p.split('.').map(Number) as HeadRef] : []));
  const seed = Number(q.get('seed'));
  const count = Number(q.get('count'));
  const gen = q.get('gen');
  // An unknown `gen` falls back to synthetic, as a malformed seed or level falls back to none.
  const generator = GENERATOR_NAMES.find((g): g is Exclude<GeneratorName, 'synthetic'> => g !== 'synthetic' && g === gen);
  if (gen !== null && !generator && gen !== 'synthetic') ignored.push(`gen=${gen} is not a generator (${GENERATOR_NAMES.join(', ')})`);
  let spec: ProblemSetSpec | undefined;
  if (q.has('seed') || q.has('count')) {
    if (!q.has('seed') || !Number.isInteger(seed) || seed < 0) ignored.push(`seed=${q.get('seed') ?? ''} is not a whole number of 0 or more`);
    else if (!Number.isInteger(count) || count < 1 || count > MAX_GENERATED_PROBLEMS) ignored.push(`count=${q.get('count') ?? ''} is not a whole number from 1 to ${MAX_GENERATED_PROBLEMS}`);
    else spec = { seed, count, level: levelFor(generator ?? 'synthetic', Number(q.get('level'))), ...(generator ? { generator } : {}) };
  }
  const question = q.get('q') ?? undefined;
  return { source, prune, spec, ...(question ? { question } : {}), ...(ignored.length ? { ignored } : {}) };
}

/** The query string for a view, keeping unrelated parameters. */
export function writeUrlView(search: string, view: UrlView): string {
  const q = new URLSearchParams(search);
  for (const k of ['model', 'hub', 'dtype', 'prune', 'gen', 'seed', 'count', 'level', 'q']) q.delete(k);
  if (view.backend) {
    q.delete('backend');
    if (view.backend !== 'auto') q.set('backend', view.backend);
  }
  if (view.source.kind === 'hub') {
    q.set('hub', view.source.id);
    if (view.source.dtype) q.set('dtype', view.source.dtype);
  } else if (view.source.kind === 'bundled' && view.source.name !== DEFAULT_BUNDLED_MODEL) q.set('model', view.source.name);
  if (view.prune.length) q.set('prune', view.prune.map(([l, h]) => `${l}.${h}`).join(','));
  if (view.spec) {
    if (view.spec.generator) q.set('gen', view.spec.generator);
    q.set('seed', String(view.spec.seed));
    q.set('count', String(view.spec.count));
    if (view.spec.level) q.set('level', String(view.spec.level));
  }
  if (view.question?.trim() && view.question.length <= MAX_LINK_QUESTION) q.set('q', view.question);
  // Commas and slashes are safe in a query string and keep shared links readable.
  const s = q.toString().replace(/%2C/g, ',').replace(/%2F/g, '/');
  return s ? `?${s}` : '';
}
