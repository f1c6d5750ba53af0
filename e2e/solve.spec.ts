import { expect, test } from './fixtures/headlabPage';
import { syntheticProblem } from '../src/engine/problems/synthetic';
import { HELD_OUT_SEED } from '../src/engine/problems/splits';
import { PINNED_ANSWERS } from '../src/engine/model/bundledModelPins';

test('a user asks the bundled model a question and sees its answer stream in', async ({ headlab, page }, info) => {
  await headlab.open();
  await headlab.waitForModel();
  if (info.project.name === 'webgpu') {
    await expect(page.getByTestId('backend')).toHaveText('WebGPU');
    await expect(page.getByTestId('backend-reason')).toHaveText(/^WebGPU was chosen/);
  } else {
    await expect(page.getByTestId('backend')).toHaveText('WASM');
    await expect(page.getByTestId('backend-reason')).toHaveText(/WebGPU/);
  }
  await expect(page.getByTestId('model-grid')).toHaveText('6 layers × 8 heads');

  await headlab.ask(syntheticProblem(HELD_OUT_SEED, 0).question);
  // The same greedy answer as onnxruntime-node gives in the unit tests.
  expect(await headlab.answer()).toBe(PINNED_ANSWERS[0]);
  await expect(page.getByTestId('answer-status')).toContainText('tokens/s');
  expect(headlab.consoleErrors).toEqual([]);
});

test('asking for WASM is honoured and said', async ({ headlab, page }) => {
  await headlab.open('?backend=wasm');
  await headlab.waitForModel();
  await expect(page.getByTestId('backend')).toHaveText('WASM');
  await expect(page.getByTestId('backend-reason')).toHaveText('WASM was chosen');
});
