/**
 * The URL holds what makes a view reproducible: the model, the pruned heads
 * and the generated problem set. A shared link opens the same view.
 *   ?model=<bundled folder>&hub=<Hub id>&dtype=q4&prune=1.4,2.3&gen=mix&seed=7&count=10&level=2&backend=wasm
 * `gen` is absent for the synthetic generator, so links from before `mix` open as they did.
 */
import type { ModelSource } from '../engine/model/modelSource';
import { MODEL_DTYPES, type ModelDtype } from '../engine/model/modelFiles';
import { GENERATOR_NAMES, levelFor, type GeneratorName } from '../engine/problems/generators';
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
}

export function readUrlView(search: string): UrlView {
  const q = new URLSearchParams(search);
  const hub = q.get('hub');
  const dtype = q.get('dtype');
  const name = q.get('model');
  const source: ModelSource = hub
    ? { kind: 'hub', id: hub, dtype: dtype && (MODEL_DTYPES as string[]).includes(dtype) ? (dtype as ModelDtype) : undefined }
    : { kind: 'bundled', name: name && /^[\w.-]+$/.test(name) ? name : DEFAULT_BUNDLED_MODEL };
  const prune = (q.get('prune') ?? '')
    .split(',')
    .map((p) => p.match(/^(\d+)\.(\d+)$/))
    .flatMap((m) => (m ? [[Number(m[1]), Number(m[2])] as HeadRef] : []));
  const seed = Number(q.get('seed'));
  const count = Number(q.get('count'));
  const gen = q.get('gen');
  // An unknown `gen` falls back to synthetic, as a malformed seed or level falls back to none.
  const generator = GENERATOR_NAMES.find((g): g is Exclude<GeneratorName, 'synthetic'> => g !== 'synthetic' && g === gen);
  const spec =
    q.has('seed') && Number.isInteger(seed) && seed >= 0 && Number.isInteger(count) && count > 0 && count <= 500
      ? { seed, count, level: levelFor(generator ?? 'synthetic', Number(q.get('level'))), ...(generator ? { generator } : {}) }
      : undefined;
  return { source, prune, spec };
}

/** The query string for a view, keeping unrelated parameters. */
export function writeUrlView(search: string, view: UrlView): string {
  const q = new URLSearchParams(search);
  for (const k of ['model', 'hub', 'dtype', 'prune', 'gen', 'seed', 'count', 'level']) q.delete(k);
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
  // Commas and slashes are safe in a query string and keep shared links readable.
  const s = q.toString().replace(/%2C/g, ',').replace(/%2F/g, '/');
  return s ? `?${s}` : '';
}
