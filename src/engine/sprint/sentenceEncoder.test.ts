/**
 * The MiniLM sentence encoder for real (transformers.js' pipeline on
 * onnxruntime-node, nothing mocked), against a local server in the Hub's
 * URL layout, since the Hub is not reachable from the test machines.
 *
 * The model served under Xenova/all-MiniLM-L6-v2 is a STAND-IN
 * (src/node/fixtures/tiny-minilm, made by training/make-tiny-bert.py): it has
 * MiniLM's file layout and architecture family (BERT encoder, lowercasing
 * WordPiece tokenizer, same ONNX inputs and output), NOT its weights. It is
 * tiny and random, so these tests check the code path, shapes, pooling and
 * determinism, not what the embeddings mean.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveHubLayout, type StaticHub } from '../../node/staticServer';
import { ModelFileError } from '../model/errors';
import type { LoadProgressEvent } from '../model/httpReader';
import { syntheticProblems } from '../problems/synthetic';
import { embedWithSentenceModel, MINILM_ID, releaseSentenceEncoders, type SentenceEncoderOptions } from './sentenceEncoder';

const STAND_IN_DIR = fileURLToPath(new URL('../../node/fixtures/tiny-minilm', import.meta.url));
const STAND_IN_HIDDEN = 32;

let hub: StaticHub;
// A fresh download folder per run: a stand-in cached by an earlier run (or another host) is never what is tested.
let cacheDir: string;
beforeAll(async () => {
  hub = await serveHubLayout({ [MINILM_ID]: STAND_IN_DIR });
  cacheDir = mkdtempSync(join(tmpdir(), 'headlab-minilm-'));
});
afterAll(async () => {
  await releaseSentenceEncoders();
  await hub.close();
  rmSync(cacheDir, { recursive: true, force: true });
});
/** Options pointing the encoder at the local stand-in. */
const local = (more: SentenceEncoderOptions = {}): SentenceEncoderOptions => ({ remoteHost: hub.url, cacheDir, ...more });

const questions = syntheticProblems({ seed: 5, count: 6 }).map((p) => p.question);
const row = (x: Float32Array, i: number, dim: number) => x.subarray(i * dim, (i + 1) * dim);
const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, v, i) => s + v * b[i], 0);

describe('embedWithSentenceModel (stand-in with MiniLM layout, random weights)', () => {
  it('downloads the files transformers.js asks for and gives one unit-length row per question', async () => {
    const events: LoadProgressEvent[] = [];
    const { x, dim } = await embedWithSentenceModel(questions, local({ onProgress: (e) => events.push(e) }));
    // In Node the default device is cpu, whose default dtype is fp32: onnx/model.onnx.
    expect(events.filter((e) => e.status === 'done').map((e) => e.file).sort()).toEqual(['config.json', 'onnx/model.onnx', 'tokenizer.json', 'tokenizer_config.json']);
    expect(dim).toBe(STAND_IN_HIDDEN);
    expect(x).toHaveLength(questions.length * dim);
    for (let i = 0; i < questions.length; i++) expect(Math.hypot(...row(x, i, dim))).toBeCloseTo(1, 5);
  });

  it('gives the same rows for the same input, in any batch size (padding is pooled out)', async () => {
    const a = await embedWithSentenceModel(questions, local());
    const b = await embedWithSentenceModel(questions, local());
    expect(b.x).toEqual(a.x);
    const oneByOne = await embedWithSentenceModel(questions, local({ batch: 1 }));
    oneByOne.x.forEach((v, i) => expect(v).toBeCloseTo(a.x[i], 5));
  });

  it('gives different questions different embeddings', async () => {
    const { x, dim } = await embedWithSentenceModel(questions, local());
    for (let i = 0; i < questions.length; i++) {
      for (let j = i + 1; j < questions.length; j++) expect(dot(row(x, i, dim), row(x, j, dim))).toBeLessThan(0.9999);
    }
  });

  it("loads the browser's default file, onnx/model_quantized.onnx, for q8, close to fp32", async () => {
    const events: LoadProgressEvent[] = [];
    const q8 = await embedWithSentenceModel(questions, local({ dtype: 'q8', onProgress: (e) => events.push(e) }));
    expect(events.some((e) => e.status === 'done' && e.file === 'onnx/model_quantized.onnx')).toBe(true);
    const fp32 = await embedWithSentenceModel(questions, local());
    for (let i = 0; i < questions.length; i++) {
      expect(Math.hypot(...row(q8.x, i, q8.dim))).toBeCloseTo(1, 5);
      expect(dot(row(q8.x, i, q8.dim), row(fp32.x, i, fp32.dim))).toBeGreaterThan(0.95);
    }
  });

  it('says the encoder needs the network, and that the default works offline, for a repository the host lacks', async () => {
    const failure = embedWithSentenceModel(questions, local({ modelId: 'Xenova/no-such-model' }));
    await expect(failure).rejects.toBeInstanceOf(ModelFileError);
    await expect(failure).rejects.toThrow(/Xenova\/no-such-model.*needs the network.*default encoder .*works offline/);
  });

  it('fails fast with the same error when the host cannot be reached', async () => {
    const gone = await serveHubLayout({});
    await gone.close();
    const started = Date.now();
    // Its own download folder: the shared one already holds the stand-in, and a cached file is never fetched.
    await expect(embedWithSentenceModel(questions, { remoteHost: gone.url, cacheDir: join(cacheDir, 'gone') })).rejects.toThrow(/could not be loaded from http:\/\/127\.0\.0\.1.*needs the network/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
