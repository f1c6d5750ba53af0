/**
 * The SPRINT selector shipped beside a bundled model: with an empty
 * IndexedDB it ranks a pasted question at once, with no sweep; a selector
 * trained here takes its place (and survives a reload), forgetting it goes
 * back to the shipped one; a shipped file for another model is refused and
 * said, and a missing one means no selector, quietly.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/headlabPage';
import { syntheticProblem } from '../src/engine/problems/synthetic';

const SHIPPED = JSON.parse(readFileSync('public/models/headlab-math-6x8/sprint-selector.json', 'utf8'));

test.beforeEach(({}, info) => {
  test.skip(info.project.name !== 'wasm', 'the shipped selector does not depend on the backend');
});

test('the shipped selector ranks a pasted question without a sweep; one trained here takes its place until forgotten', async ({ headlab, page }) => {
  test.setTimeout(300_000);
  await headlab.open('model=headlab-math-6x8');
  await headlab.waitForModel();
  const region = page.getByRole('region', { name: 'SPRINT head selector' });
  const origin = page.getByTestId('selector-origin');
  const trainedOn = page.getByTestId('selector-trained-on');
  const forget = region.getByRole('button', { name: 'Forget selector' });
  await expect(origin).toContainText("Selector shipped with the model (temperature");
  await expect(origin).toContainText("it comes with the model's files");
  await expect(trainedOn).toContainText(`Trained on ${SHIPPED.trainedOn.count} questions (${SHIPPED.trainedOn.problems})`);
  await expect(forget).toBeDisabled();

  await page.getByRole('textbox', { name: 'Question', exact: true }).fill(syntheticProblem(4242, 1).question);
  await region.getByRole('button', { name: 'Rank heads for the question' }).click();
  await expect(page.getByRole('table', { name: "SPRINT's picks for the question" }).locator('tbody tr')).toHaveCount(9);
  await expect(page.getByTestId('sweep-status')).toHaveCount(0);

  await headlab.sweepAndTrainSelector(10);
  await expect(trainedOn).toContainText('Trained on 8 questions (synthetic generator, seed 7), scored by the reference solution');
  await page.reload();
  await headlab.waitForModel();
  await expect(origin).toContainText('trained here, restored from this browser (8 training questions');
  await forget.click();
  await expect(origin).toContainText('Selector shipped with the model');
  await expect(trainedOn).toContainText(`Trained on ${SHIPPED.trainedOn.count} questions`);
  await expect(forget).toBeDisabled();
  expect(headlab.consoleErrors).toEqual([]);
});

test('a shipped selector for another model file is refused and said; a missing one means no selector, with no error', async ({ headlab, page }) => {
  await page.route('**/models/headlab-math-6x8/sprint-selector.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ...SHIPPED, model: { ...SHIPPED.model, fingerprint: 'another-model' } }) }),
  );
  await headlab.open();
  await headlab.waitForModel();
  const region = page.getByRole('region', { name: 'SPRINT head selector' });
  await expect(page.getByTestId('shipped-selector-problem')).toHaveText(
    'The selector shipped with this model (headlab-math-6x8/sprint-selector.json) was not used: This selector was trained on a different model file (its fingerprint does not match); train one for this model.',
  );
  await expect(page.getByTestId('selector-origin')).toHaveCount(0);
  await expect(page.getByTestId('rank-why')).toHaveText('Train or import a selector to rank heads.');

  await page.unrouteAll();
  await page.route('**/models/headlab-math-6x8/sprint-selector.json', (route) => route.fulfill({ status: 404, body: '' }));
  await page.reload();
  await headlab.waitForModel();
  await expect(page.getByTestId('rank-why')).toHaveText('Train or import a selector to rank heads.');
  await expect(page.getByTestId('shipped-selector-problem')).toHaveCount(0);
  await expect(region.getByRole('alert')).toHaveCount(0);
});

test("on the default model the shipped selector puts a pasted question's own family head first, and evaluation offers the loaded set", async ({ headlab, page }) => {
  test.setTimeout(180_000);
  await headlab.openDefault();
  await headlab.waitForModel();
  const region = page.getByRole('region', { name: 'SPRINT head selector' });
  await expect(page.getByTestId('selector-trained-on')).toContainText('Trained on 1000 questions (mix generator, seed 11)');
  // A `groups` question with its distractor (Tom's empty jars): the model copies the 7; its planted head is 4.1.
  await page.getByRole('textbox', { name: 'Question', exact: true }).fill('Mia has 4 jars with 3 beads in each. Tom has 7 empty jars. Mia finds 5 more beads. How many beads does Mia have?');
  await region.getByRole('button', { name: 'Rank heads for the question' }).click();
  const picks = page.getByRole('table', { name: "SPRINT's picks for the question" });
  await expect(picks.locator('tbody tr').first()).toContainText('layer 4 head 1');
  // No sweep has run: the evaluation takes the loaded problem set (mix seed 7, none of them trained on).
  await expect(region.getByRole('combobox', { name: 'Questions' })).toHaveValue('loaded');
  await expect(region.getByRole('button', { name: 'Compare five methods on 10 held-out problems' })).toBeEnabled();
  // The sizing buttons keep the generator in view: the mix model gets 300 mix questions.
  await region.getByRole('button', { name: 'Load 300 held-out problems (seed 7)' }).click();
  await expect(page.getByTestId('problem-source')).toHaveText('Using 300 mixed-family problems (seed 7, mixed levels).');
  await expect(region.getByRole('button', { name: 'Compare five methods on 300 held-out problems' })).toBeEnabled();
  expect(headlab.consoleErrors).toEqual([]);
});
