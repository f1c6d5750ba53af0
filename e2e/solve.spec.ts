import { expect, test } from '@playwright/test';
import { syntheticProblem } from '../src/engine/problems/synthetic';
import { HELD_OUT_SEED } from '../src/engine/problems/splits';

test('loads the bundled model on the expected backend and answers a question', async ({ page }, info) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto('/');
  const backend = page.getByTestId('backend');
  await expect(backend).toHaveText(info.project.name === 'webgpu' ? 'WebGPU' : 'WASM');
  console.log(await page.getByTestId('backend-reason').textContent());
  await expect(page.getByTestId('model-grid')).toHaveText('6 layers × 8 heads');

  const problem = syntheticProblem(HELD_OUT_SEED, 0);
  await page.getByLabel('Question').fill(problem.question);
  await page.getByRole('button', { name: 'Solve' }).click();
  await expect(page.getByTestId('final-answer')).toBeVisible();
  console.log(await page.getByTestId('answer-text').textContent());
  expect(errors).toEqual([]);
});
