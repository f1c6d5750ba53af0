/**
 * The Hub code path, for real, against a local server in the Hub's URL
 * layout: transformers.js' remoteHost points at it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelRegistry, env } from '@huggingface/transformers';
import { BUNDLED_MODEL_DIR } from './loadNodeModel';
import { loadNodeSource } from './loadNodeSource';
import { serveHubLayout, type StaticHub } from './staticServer';
import { solveQuestions } from '../engine/model/solve';
import { syntheticProblem } from '../engine/problems/synthetic';
import { HELD_OUT_SEED } from '../engine/problems/splits';
import { PINNED_ANSWERS } from '../engine/model/bundledModelPins';
import type { LoadProgressEvent } from '../engine/model/httpReader';

let hub: StaticHub;
const saved = { host: env.remoteHost, template: env.remotePathTemplate, cacheDir: env.cacheDir };
// transformers.js' Node file cache keys files by repo id, not host: a folder of our own keeps the
// test server's files out of the shared cache a real Hub download would read.
const cacheDir = mkdtempSync(join(tmpdir(), 'headlab-hub-'));

beforeAll(async () => {
  hub = await serveHubLayout({ 'headlab/headlab-math-6x8': BUNDLED_MODEL_DIR });
  env.remoteHost = hub.url;
  env.remotePathTemplate = '{model}/resolve/{revision}/';
  env.allowRemoteModels = true;
  env.cacheDir = cacheDir;
});
afterAll(async () => {
  env.remoteHost = saved.host;
  env.remotePathTemplate = saved.template;
  env.cacheDir = saved.cacheDir;
  await hub.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('loading by Hub id', () => {
  it('downloads with per-file progress and answers like the bundled folder', async () => {
    const events: LoadProgressEvent[] = [];
    const model = await loadNodeSource('headlab/headlab-math-6x8', {}, (e) => events.push(e));
    // transformers.js' own events for the tokenizer files pass through unchanged, beside ours for the ONNX file.
    expect(events.filter((e) => e.status === 'done').map((e) => e.file).sort()).toEqual(['onnx/model.onnx', 'tokenizer.json', 'tokenizer_config.json']);
    expect(events.some((e) => e.status === 'progress' && e.total! > 0)).toBe(true);
    const [solution] = await solveQuestions(model, [syntheticProblem(HELD_OUT_SEED, 0).question], { maxNewTokens: 64 });
    expect(solution.text).toBe(PINNED_ANSWERS[0]);
  });

  it('lists the dtypes the repository offers, through transformers.js', async () => {
    expect(await ModelRegistry.get_available_dtypes('headlab/headlab-math-6x8')).toEqual(['fp32']);
  });

  it('names the repository when it does not exist', async () => {
    await expect(loadNodeSource('headlab/no-such-model')).rejects.toThrow(/config\.json: .*headlab\/no-such-model does not exist or is private/);
  });

  it('names the missing ONNX variant for a dtype the repository lacks', async () => {
    await expect(loadNodeSource('headlab/headlab-math-6x8', { dtype: 'q4f16' })).rejects.toThrow(/onnx\/model_q4f16\.onnx: not found in Hub repository headlab\/headlab-math-6x8/);
  });
});
