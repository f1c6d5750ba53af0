/**
 * An export whose attention is one fused GroupQueryAttention node loads
 * and answers in the app, and asking for its patterns (or its head roles)
 * says, word for word, that they are unavailable.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, serveHubRepo, test } from './fixtures/headlabPage';
import { buildFusedDecoder, fusedConfig } from '../src/engine/onnx/testing/buildFusedDecoder';

const BUNDLED = join(process.cwd(), 'public/models/headlab-math-6x8');
const UNAVAILABLE = 'this export fuses attention; patterns are unavailable';

/** A Hub-layout folder holding the fused decoder with the bundled tokenizer. */
function fusedRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'headlab-fused-'));
  mkdirSync(join(dir, 'onnx'));
  for (const f of ['tokenizer.json', 'tokenizer_config.json']) cpSync(join(BUNDLED, f), join(dir, f));
  writeFileSync(join(dir, 'onnx', 'model.onnx'), buildFusedDecoder());
  writeFileSync(join(dir, 'config.json'), JSON.stringify(fusedConfig()));
  return dir;
}

test('a fused-attention export says its patterns and roles are unavailable', async ({ headlab, page }, info) => {
  test.skip(info.project.name !== 'wasm', 'the refusal happens in the surgery, before any backend runs');
  await serveHubRepo(page, 'headlab/fused-gqa', fusedRepo());
  await headlab.open();
  await headlab.waitForModel();
  await page.getByRole('combobox', { name: 'Hub model id' }).fill('headlab/fused-gqa');
  await page.getByRole('button', { name: 'Load from Hub' }).click();
  await expect(page.getByTestId('model-name')).toHaveText('headlab/fused-gqa');

  await page.getByRole('textbox', { name: 'Question', exact: true }).fill('Mia has 5 apples. How many apples does Mia have?');
  await page.getByRole('button', { name: 'Inspect heads' }).click();
  await page.getByRole('button', { name: 'layer 0 head 1', exact: true }).click();
  await expect(page.getByTestId('attention-error')).toHaveText(UNAVAILABLE);
  await expect(page.getByTestId('attention-before')).toHaveCount(0);

  await page.getByRole('button', { name: 'Score head roles' }).click();
  await expect(page.getByTestId('head-roles').getByRole('alert')).toHaveText(UNAVAILABLE);
});
