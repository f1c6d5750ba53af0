import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../../node/loadNodeModel';
import { headMaskTransform } from '../onnx/addHeadMask';
import { ModelFileError, UnsupportedModelError } from './errors';
import type { ModelTransform } from './loadModel';

let root: string;

/** A copy of the bundled model with one file changed (or removed, when `bytes` is null). */
async function modelWith(name: string, file: string, bytes: Uint8Array | string | null): Promise<string> {
  const dir = join(root, name);
  await cp(BUNDLED_MODEL_DIR, dir, { recursive: true });
  if (bytes === null) await rm(join(dir, file));
  else await writeFile(join(dir, file), bytes);
  return dir;
}

async function loadError(dir: string): Promise<Error> {
  const err = await loadNodeModel(dir).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(Error);
  return err as Error;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'headlab-bad-models-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('loading a broken model names the file at fault', () => {
  it('missing config.json', async () => {
    const err = await loadError(await modelWith('no-config', 'config.json', null));
    expect(err).toBeInstanceOf(ModelFileError);
    expect((err as ModelFileError).file).toBe('config.json');
    expect(err.message).toMatch(/config\.json: not found/);
  });

  it('config.json that is not JSON', async () => {
    const err = await loadError(await modelWith('bad-config', 'config.json', '{"model_type": "llama",'));
    expect(err.message).toMatch(/config\.json: not valid JSON/);
  });

  it('an unsupported architecture', async () => {
    const config = JSON.parse(await readFile(join(BUNDLED_MODEL_DIR, 'config.json'), 'utf8'));
    const bert = JSON.stringify({ ...config, model_type: 'bert', architectures: ['BertModel'] });
    const err = await loadError(await modelWith('bert', 'config.json', bert));
    expect(err).toBeInstanceOf(UnsupportedModelError);
    expect(err.message).toMatch(/Unsupported architecture: model_type "bert" \(BertModel\)/);
  });

  it('missing onnx/model.onnx', async () => {
    const err = await loadError(await modelWith('no-onnx', 'onnx/model.onnx', null));
    expect((err as ModelFileError).file).toBe('onnx/model.onnx');
    expect(err.message).toMatch(/not found/);
  });

  it('an onnx file that is not ONNX', async () => {
    const err = await loadError(await modelWith('text-onnx', 'onnx/model.onnx', '<!doctype html><p>Not found</p>'));
    expect(err.message).toMatch(/onnx\/model\.onnx: not an ONNX model \(it starts with bytes 3c 21 64 6f/);
  });

  it('a truncated onnx file', async () => {
    const whole = await readFile(join(BUNDLED_MODEL_DIR, 'onnx/model.onnx'));
    const err = await loadError(await modelWith('truncated', 'onnx/model.onnx', whole.subarray(0, Math.floor(whole.length * 0.6))));
    expect((err as ModelFileError).file).toBe('onnx/model.onnx');
    expect(err.message).toMatch(/truncated or corrupt/);
  });

  it('a corrupt tokenizer.json', async () => {
    const err = await loadError(await modelWith('bad-tokenizer', 'tokenizer.json', '{"model": '));
    expect((err as ModelFileError).file).toBe('tokenizer.json');
  });
});

describe('a transform runs in the buffer the ONNX file was read into', () => {
  it('with the headroom it asked for, after the fingerprint of the file as read', async () => {
    const file = await readFile(join(BUNDLED_MODEL_DIR, 'onnx/model.onnx'));
    const surgery = headMaskTransform({ hiddenStateOutput: true });
    const seen: { room: number; asked: number; inPlace: boolean }[] = [];
    const transform: ModelTransform = {
      headroom: (spec) => surgery.headroom(spec),
      apply(buffer, length, spec) {
        const out = surgery.apply(buffer, length, spec);
        seen.push({ room: buffer.length - length, asked: surgery.headroom(spec), inPlace: out.buffer === buffer.buffer });
        return out;
      },
    };
    const model = await loadNodeModel(BUNDLED_MODEL_DIR, { transform });
    expect(seen).toEqual([{ room: seen[0].asked, asked: seen[0].asked, inPlace: true }]);
    expect(seen[0].asked).toBeGreaterThan(0);
    expect(model.fingerprint).toBe(createHash('sha256').update(file).digest('hex'));
    expect(model.onnxBytes).toBe(file.length);
    expect(model.decoder.hasHeadMask).toBe(true);
  });
});
