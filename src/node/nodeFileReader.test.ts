import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelFileError } from '../engine/model/errors';
import { roomAfter } from '../engine/model/readBuffer';
import { BUNDLED_MODEL_DIR } from './loadNodeModel';
import { nodeFileReader, readFileWithHeadroom } from './nodeFileReader';

const ONNX = 'onnx/model.onnx';

describe('nodeFileReader', () => {
  const file = readFileSync(join(BUNDLED_MODEL_DIR, ONNX));

  it('reads a file into the start of a buffer with the headroom after it', async () => {
    const bytes = await nodeFileReader(BUNDLED_MODEL_DIR).bytes(ONNX, { headroom: 12345 });
    expect(Buffer.from(bytes).equals(file)).toBe(true);
    expect(bytes.byteOffset).toBe(0);
    expect(roomAfter(bytes)).toBe(12345);
  });

  it('reads without headroom by default', async () => {
    const bytes = await readFileWithHeadroom(join(BUNDLED_MODEL_DIR, ONNX));
    expect(Buffer.from(bytes).equals(file)).toBe(true);
    expect(roomAfter(bytes)).toBe(0);
  });

  it('names a missing file, and reads optional text', async () => {
    const files = nodeFileReader(BUNDLED_MODEL_DIR);
    const err = await files.bytes('onnx/missing.onnx', { headroom: 10 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelFileError);
    expect((err as Error).message).toMatch(/onnx\/missing\.onnx.*not found in/);
    expect(await files.optionalText('missing.json')).toBeUndefined();
    expect(JSON.parse((await files.optionalText('config.json')) ?? '')).toHaveProperty('model_type');
  });
});
