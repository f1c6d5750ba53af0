/**
 * The two bundled models: with no model in the URL the app loads
 * headlab-mix-6x8 (the positive control) and answers with it; the model
 * panel lists both with what each is for; choosing headlab-math-6x8 loads
 * it and the URL names it, and choosing the default again drops `model=`.
 */
import { expect, test } from './fixtures/headlabPage';
import { BUNDLED_MODELS } from '../src/engine/model/bundledModels';
import { mixProblem } from '../src/engine/problems/mix/mixProblems';
import { MIX_PINNED_ANSWERS } from '../src/engine/model/mixModelPins';

test.beforeEach(({}, info) => {
  test.skip(info.project.name !== 'wasm', 'which bundled model loads does not depend on the backend');
});

test('the default is headlab-mix-6x8; the panel lists both bundled models and loads the other on request', async ({ headlab, page }) => {
  test.setTimeout(180_000);
  await headlab.openDefault();
  await headlab.waitForModel();
  await expect(page.getByTestId('model-name')).toHaveText('headlab-mix-6x8');
  await expect(page).not.toHaveURL(/model=/);
  // Each bundled model is asked questions of its own generator.
  await expect(page.getByTestId('problem-source')).toHaveText('Using 10 mixed-family problems (seed 7, mixed levels).');

  const list = page.getByRole('list', { name: 'Bundled models' });
  await expect(list.getByRole('listitem')).toHaveCount(BUNDLED_MODELS.length);
  for (const m of BUNDLED_MODELS) await expect(list.getByTestId(`bundled-${m.name}`)).toContainText(`${m.name}${m.name === 'headlab-mix-6x8' ? ' (in use)' : ''}: ${m.purpose}`);
  await expect(list.getByTestId('bundled-headlab-mix-6x8')).toContainText("positive control: trained so that the helpful head depends on the question's problem family");
  await expect(list.getByTestId('bundled-headlab-math-6x8')).toContainText('negative control: head effects barely depend on the question');
  await expect(list.getByRole('button', { name: 'Load headlab-mix-6x8' })).toBeDisabled();

  // The default model answers a question of its own generator as onnxruntime-node does (its pinned answer).
  await headlab.ask(mixProblem(7, 0).question);
  expect(await headlab.answer()).toBe(MIX_PINNED_ANSWERS[0]);

  await list.getByRole('button', { name: 'Load headlab-math-6x8' }).click();
  await expect(page.getByTestId('model-name')).toHaveText('headlab-math-6x8');
  await expect(page).toHaveURL(/[?&]model=headlab-math-6x8(&|$)/);
  await expect(list.getByTestId('bundled-headlab-math-6x8')).toContainText('headlab-math-6x8 (in use)');
  await expect(list.getByRole('button', { name: 'Load headlab-math-6x8' })).toBeDisabled();
  await expect(page.getByTestId('problem-source')).toHaveText('Using 10 synthetic problems (seed 7, mixed levels).');

  await list.getByRole('button', { name: 'Load headlab-mix-6x8' }).click();
  await expect(page.getByTestId('model-name')).toHaveText('headlab-mix-6x8');
  await expect(page).not.toHaveURL(/model=/);
  await expect(page.getByTestId('problem-source')).toHaveText('Using 10 mixed-family problems (seed 7, mixed levels).');
  expect(headlab.consoleErrors).toEqual([]);
});
