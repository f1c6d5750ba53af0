/** The backend a user gets: Auto never picks a software WebGPU adapter, and the on-screen choice reloads the model on the one chosen. */
import { expect, test } from './fixtures/headlabPage';
import { syntheticProblem } from '../src/engine/problems/synthetic';
import { HELD_OUT_SEED } from '../src/engine/problems/splits';
import { PINNED_ANSWERS } from '../src/engine/model/bundledModelPins';

test('Auto takes WASM over SwiftShader and says why; the Backend choice switches to WebGPU and back', async ({ headlab, page }, info) => {
  test.skip(info.project.name !== 'webgpu', 'needs the SwiftShader adapter that --enable-unsafe-webgpu offers');
  test.setTimeout(240_000);
  await headlab.open('?backend=auto');
  await headlab.waitForModel();
  await expect(page.getByTestId('backend')).toHaveText('WASM');
  await expect(page.getByTestId('backend-reason')).toContainText('renders in software');
  await expect(page.getByTestId('backend-reason')).toContainText(/swiftshader/i);

  const choice = page.getByRole('combobox', { name: 'Backend' });
  await choice.selectOption('webgpu');
  await expect(page.getByTestId('backend')).toHaveText('WebGPU');
  await expect(page.getByTestId('backend-reason')).toContainText('WebGPU was chosen');
  await expect(page.getByTestId('backend-reason')).toContainText('software adapter');
  await expect(page).toHaveURL(/backend=webgpu/);
  await headlab.ask(syntheticProblem(HELD_OUT_SEED, 0).question);
  expect(await headlab.answer()).toBe(PINNED_ANSWERS[0]);

  await choice.selectOption('wasm');
  await expect(page.getByTestId('backend')).toHaveText('WASM');
  await expect(page.getByTestId('backend-reason')).toHaveText('WASM was chosen');
  await expect(page).toHaveURL(/backend=wasm/);
  await choice.selectOption('auto');
  await expect(page.getByTestId('backend-reason')).toContainText('renders in software');
  await expect(page).not.toHaveURL(/backend=/);
  expect(headlab.consoleErrors).toEqual([]);
});

test('a failed Hub load keeps the bundled model working, and a malformed id is refused before any request', async ({ headlab, page }, info) => {
  test.skip(info.project.name !== 'wasm', 'loading does not depend on the backend');
  const hubRequests: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith('https://huggingface.co/')) hubRequests.push(r.url());
  });
  await page.route('https://huggingface.co/nobody/nothing/**', (route) =>
    route.fulfill({ status: 401, headers: { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' }, body: '' }),
  );
  await headlab.open();
  await headlab.waitForModel();
  const hubId = page.getByRole('combobox', { name: 'Hub model id' });

  await hubId.fill('not a model id');
  await page.getByRole('button', { name: 'Load from Hub' }).click();
  await expect(headlab.modelAlert).toContainText('"not a model id" is not a Hub model id: write it as owner/name');
  await hubId.fill('foo/..');
  await page.getByRole('button', { name: 'Load from Hub' }).click();
  await expect(headlab.modelAlert).toContainText('"foo/.." is not a Hub model id: "." and ".." are not repository names.');
  expect(hubRequests).toEqual([]);

  await hubId.fill('nobody/nothing');
  await page.getByRole('button', { name: 'Load from Hub' }).click();
  await expect(headlab.modelAlert).toContainText('nobody/nothing does not exist or is private');
  await expect(headlab.modelAlert).toContainText('Still using headlab-math-6x8.');
  await expect(page.getByTestId('model-name')).toHaveText('headlab-math-6x8');
  await expect(page).not.toHaveURL(/hub=/);
  for (const name of ['Solve', 'Run comparison', 'Start sweep']) await expect(page.getByRole('button', { name, exact: true })).toBeEnabled();
  await headlab.ask(syntheticProblem(HELD_OUT_SEED, 0).question);
  expect(await headlab.answer()).toBe(PINNED_ANSWERS[0]);
});
