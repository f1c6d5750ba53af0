import { expect, test } from './fixtures/headlabPage';
import { syntheticProblem } from '../src/engine/problems/synthetic';

test('SPRINT trains on a sweep in the browser and ranks heads for a pasted question', async ({ headlab, page }, info) => {
  test.skip(info.project.name !== 'wasm', 'SPRINT does not depend on the backend');
  await headlab.open();
  await headlab.waitForModel();
  await page.getByLabel('Problems', { exact: true }).fill('12');
  await page.getByRole('combobox', { name: 'Mode', exact: true }).selectOption('logprob');
  await page.getByRole('button', { name: 'Start sweep' }).click();
  await expect(page.getByTestId('sweep-status')).toContainText('588 of 588 cells (logprob) — done', { timeout: 90_000 });

  await page.getByRole('button', { name: 'Train selector on the sweep' }).click();
  await expect(page.getByTestId('sprint-loss')).toContainText('trained on 9 questions, 3 held out', { timeout: 60_000 });

  await page.getByRole('textbox', { name: 'Question', exact: true }).fill(syntheticProblem(4242, 0).question);
  await page.getByRole('button', { name: 'Rank heads for the question' }).click();
  const picks = page.getByRole('list', { name: 'Heads ranked by SPRINT for the question' }).getByRole('listitem');
  await expect(picks).toHaveCount(8);
  await expect(picks.first()).toContainText(/^layer \d head \d: score -?\d+\.\d\d/);
  await page.getByRole('spinbutton', { name: 'N' }).fill('4');
  await page.getByRole('region', { name: 'SPRINT head selector' }).getByRole('textbox', { name: 'Reference answer (optional)' }).fill(String(syntheticProblem(4242, 0).final));
  await page.getByRole('button', { name: 'Run top-N' }).click();
  await expect(page.getByTestId('top-n').locator('tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('top-n').locator('caption')).toContainText(/Majority vote: .*; pass@4: (yes|no)/);
  await picks.first().getByRole('button', { name: 'Prune only this head' }).click();
  await expect(page.getByTestId('pruned-count')).toHaveText('1');
  expect(headlab.consoleErrors).toEqual([]);
});

test('the teaching demo shows a pruned head turning a wrong answer right', async ({ headlab, page }, info) => {
  test.skip(info.project.name !== 'wasm', 'the demo does not depend on the backend');
  await headlab.open();
  await headlab.waitForModel();
  await page.getByRole('button', { name: '1. Ask with nothing pruned' }).click();
  await expect(page.getByTestId('final-answer')).toHaveText('20');
  await page.getByRole('button', { name: '2. Ask with layer 1 head 4 pruned' }).click();
  await expect(page.getByTestId('pruned-at-run')).toHaveText('Pruned: layer 1 head 4.');
  await expect(page.getByTestId('final-answer')).toHaveText('30');
});
