import { join } from 'node:path';
import { expect, serveHubRepo, test } from './fixtures/headlabPage';
import { syntheticProblem } from '../src/engine/problems/synthetic';
import { HELD_OUT_SEED } from '../src/engine/problems/splits';
import { PINNED_ANSWERS } from '../src/engine/model/bundledModelPins';

const BUNDLED = join(process.cwd(), 'public/models/headlab-math-6x8');

test('a model loads by Hub id in the worker and answers like the bundled one; a missing repository is named', async ({ headlab, page }, info) => {
  test.skip(info.project.name !== 'wasm', 'loading does not depend on the backend');
  // The Hub, played by the bundled files: the real transformers.js and HeadLab download code runs in the worker.
  await serveHubRepo(page, 'headlab/headlab-math-6x8', BUNDLED);
  await page.route('https://huggingface.co/nobody/nothing/**', (route) =>
    route.fulfill({ status: 401, headers: { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' }, body: '' }),
  );
  await headlab.open();
  await headlab.waitForModel();

  await page.getByRole('combobox', { name: 'Hub model id' }).fill('nobody/nothing');
  await page.getByRole('button', { name: 'Load from Hub' }).click();
  await expect(headlab.modelAlert).toContainText('nobody/nothing does not exist or is private');

  await page.getByRole('combobox', { name: 'Hub model id' }).fill('headlab/headlab-math-6x8');
  await page.getByRole('button', { name: 'Load from Hub' }).click();
  await expect(page.getByTestId('model-name')).toHaveText('headlab/headlab-math-6x8');
  await expect(page).toHaveURL(/hub=headlab\/headlab-math-6x8/);
  await headlab.ask(syntheticProblem(HELD_OUT_SEED, 0).question);
  expect(await headlab.answer()).toBe(PINNED_ANSWERS[0]);
});

test('asked for fp16 weights on a WebGPU adapter without shader-f16, the app loads another variant and says why', async ({ headlab, page }, info) => {
  test.skip(info.project.name !== 'webgpu', 'the fallback is about WebGPU adapters');
  // Headless Chromium's WebGPU adapter (SwiftShader) has no shader-f16; the repository has only fp32 weights.
  await serveHubRepo(page, 'headlab/headlab-math-6x8', BUNDLED);
  await headlab.open();
  await headlab.waitForModel();
  await page.getByRole('combobox', { name: 'Hub model id' }).fill('headlab/headlab-math-6x8');
  await page.getByRole('combobox', { name: 'Weights' }).selectOption('fp16');
  await page.getByRole('button', { name: 'Load from Hub' }).click();
  await expect(page.getByTestId('model-name')).toHaveText('headlab/headlab-math-6x8');
  await expect(page.getByTestId('backend')).toHaveText('WebGPU');
  await expect(page.getByTestId('backend-reason')).toContainText('it lacks shader-f16, so fp32 weights are used instead of fp16');
  await headlab.ask(syntheticProblem(HELD_OUT_SEED, 0).question);
  expect(await headlab.answer()).toBe(PINNED_ANSWERS[0]);
});
