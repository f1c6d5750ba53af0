/**
 * Files that do not belong together, on a small stand-in: each load fails
 * with a message naming the file, the limit and what to do, never deep in
 * the runtime at the first question.
 */
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reducedShape, STANDIN_SHAPES } from '../../engine/standin/shapes';
import { loadNodeModel } from '../loadNodeModel';
import { writeStandin } from './writeStandin';

const shape = reducedShape(STANDIN_SHAPES['smollm2-135m'], { layers: 1, vocab: 1024 });
let dir = '';

function withConfig(edit: (c: Record<string, unknown>) => void): void {
  const path = join(dir, 'config.json');
  const config = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  edit(config);
  writeFileSync(path, JSON.stringify(config));
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'headlab-bad-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mismatched model files', () => {
  it('a tokenizer with ids past config.json vocab_size is named, with the ids and the size', async () => {
    writeStandin(dir, shape, 'fp32', 1);
    withConfig((c) => (c.vocab_size = 512));
    await expect(loadNodeModel(dir)).rejects.toThrow(
      "tokenizer.json: it has token ids up to 1023, but config.json's vocab_size is 512: ids from 512 on have no embedding row; the tokenizer, config.json and the ONNX file must come from the same model",
    );
  });

  it('logits of another width than vocab_size are named, with both widths', async () => {
    writeStandin(dir, shape, 'fp32', 1);
    withConfig((c) => (c.vocab_size = 2048));
    await expect(loadNodeModel(dir)).rejects.toThrow("onnx/model.onnx: its logits are 1024 wide, but config.json's vocab_size is 2048");
  });

  it('a missing external-data file is named, and config.json said it was there', async () => {
    writeStandin(dir, shape, 'fp32', 1, { external: true });
    unlinkSync(join(dir, 'onnx/model.onnx_data'));
    await expect(loadNodeModel(dir)).rejects.toThrow(/onnx\/model\.onnx_data.*not found/);
  });

  it('an external-data file config.json does not list is said, not a runtime error', async () => {
    writeStandin(dir, shape, 'fp32', 1, { external: true });
    withConfig((c) => (c['transformers.js_config'] = { dtype: 'fp32' }));
    await expect(loadNodeModel(dir)).rejects.toThrow(`onnx/model.onnx: its weights are in an external-data file (model.onnx_data) that was not loaded: config.json's "transformers.js_config": {"use_external_data_format": {"model.onnx": 1}} must list it`);
  });
});
