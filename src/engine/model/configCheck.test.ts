import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../../node/loadNodeModel';

const dirs: string[] = [];
/** A copy of the bundled model with `edit` applied to its folder. */
function copyWith(edit: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'headlab-config-'));
  dirs.push(dir);
  cpSync(BUNDLED_MODEL_DIR, dir, { recursive: true });
  edit(dir);
  return dir;
}
const withConfig = (change: Record<string, unknown>) =>
  copyWith((dir) => writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')), ...change })));
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('a config.json that is not the graph\'s, and a missing tokenizer_config.json', () => {
  it('names the field and both counts instead of onnxruntime\'s text', async () => {
    await expect(loadNodeModel(withConfig({ num_hidden_layers: 5 }))).rejects.toThrow(
      'Model file config.json: num_hidden_layers is 5, but onnx/model.onnx has 6 layers (its past_key_values inputs): the config is not this model\'s',
    );
    await expect(loadNodeModel(withConfig({ num_attention_heads: 4, num_key_value_heads: 4, head_dim: 16 }))).rejects.toThrow(
      /^Model file config\.json: num_attention_heads 4 x head_dim 16 is 64, but onnx\/model\.onnx's attention output projection takes 128 features/,
    );
  });

  it('names tokenizer_config.json when it is missing', async () => {
    await expect(loadNodeModel(copyWith((dir) => rmSync(join(dir, 'tokenizer_config.json'))))).rejects.toThrow(
      'Model file tokenizer_config.json: not found: the tokenizer needs it beside tokenizer.json',
    );
  });
});
