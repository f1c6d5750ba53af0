/**
 * Saved SPRINT selectors are kept under what they were trained on (issue
 * 21, item 1): two trained on different problem sets both survive a
 * reload and are both listed; either can be used again, and forgotten; the
 * one selector an earlier version kept per model moves into the list.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/headlabPage';
import { idbKeys, idbPut } from './fixtures/idbStore';

const SHIPPED = JSON.parse(readFileSync('public/models/headlab-math-6x8/sprint-selector.json', 'utf8'));

test.beforeEach(({}, info) => {
  test.skip(info.project.name !== 'wasm', 'saved selectors do not depend on the backend');
});

test('two selectors trained on different problem sets both survive a reload; each can be used again and forgotten', async ({ headlab, page }) => {
  test.setTimeout(300_000);
  const origin = page.getByTestId('selector-origin');
  const trainedOn = page.getByTestId('selector-trained-on');
  const list = page.getByRole('table', { name: 'Saved selectors' });
  const row = (text: string) => list.locator('tbody tr').filter({ hasText: text });
  const seed7 = '8 questions (synthetic generator, seed 7); from a 10-problem logprob sweep';
  const seed11 = '8 questions (synthetic generator, seed 11); from a 10-problem logprob sweep';

  await headlab.open('seed=7&count=10');
  await headlab.waitForModel();
  await headlab.sweepAndTrainSelector(10);
  await headlab.open('seed=11&count=10');
  await headlab.waitForModel();
  // The seed-7 sweep is shown again; discarding it (the selector keeps its own record) lets the next start without a question.
  await page.getByRole('region', { name: 'Sweep' }).getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByTestId('sweep-status')).toHaveCount(0);
  await headlab.sweepAndTrainSelector(10);

  await page.reload();
  await headlab.waitForModel();
  // The one trained last is in use; both are listed, the latest first.
  await expect(origin).toContainText('trained here, restored from this browser (8 training questions');
  await expect(trainedOn).toContainText('Trained on 8 questions (synthetic generator, seed 11)');
  await page.getByText('2 selectors saved in this browser for this model').click();
  await expect(list.locator('tbody tr')).toHaveCount(2);
  await expect(list.locator('tbody tr').first()).toContainText(seed11);
  await expect(list.locator('tbody tr').nth(1)).toContainText(seed7);
  await expect(row(seed11)).toContainText('in use');
  await expect(row(seed11)).toContainText('trained here');

  // Use the earlier one: it is in use, and stays so after a reload.
  await row(seed7).getByRole('button', { name: 'Use' }).click();
  await expect(trainedOn).toContainText('Trained on 8 questions (synthetic generator, seed 7)');
  await expect(row(seed7)).toContainText('in use');
  await expect(row(seed11).getByRole('button', { name: 'Use' })).toBeEnabled();
  await page.reload();
  await headlab.waitForModel();
  await expect(trainedOn).toContainText('Trained on 8 questions (synthetic generator, seed 7)');

  // Forget the one not in use: the one in use stays, and the other is gone after a reload too.
  await page.getByText('2 selectors saved in this browser for this model').click();
  await row(seed11).getByRole('button', { name: 'Forget' }).click();
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await expect(trainedOn).toContainText('Trained on 8 questions (synthetic generator, seed 7)');
  await page.reload();
  await headlab.waitForModel();
  await page.getByText('1 selector saved in this browser for this model').click();
  await expect(list.locator('tbody tr')).toHaveCount(1);

  // Forget the one in use: the shipped selector takes its place, and nothing is listed.
  await row(seed7).getByRole('button', { name: 'Forget' }).click();
  await expect(origin).toContainText('Selector shipped with the model');
  await expect(list).toHaveCount(0);
  await page.reload();
  await headlab.waitForModel();
  await expect(origin).toContainText('Selector shipped with the model');
  expect(headlab.consoleErrors).toEqual([]);
});

test('the one selector an earlier version kept per model is moved into the list once, with where it came from; a damaged record is dropped', async ({ headlab, page }) => {
  await headlab.open();
  await headlab.waitForModel();
  const fingerprint = SHIPPED.model.fingerprint;
  await idbPut(page, `headlab:selector:v1:${fingerprint}`, SHIPPED);
  await idbPut(page, `headlab:selector-source:v1:${fingerprint}`, { kind: 'imported', file: 'from-a-colleague.json' });
  await idbPut(page, 'headlab:selector:v2:damaged', { selector: { ...SHIPPED, params: [1] }, savedAt: 1, usedAt: 2 });
  await page.reload();
  await headlab.waitForModel();
  await expect(page.getByTestId('selector-origin')).toContainText('imported from from-a-colleague.json, restored from this browser');
  await page.getByText('1 selector saved in this browser for this model').click();
  const list = page.getByRole('table', { name: 'Saved selectors' });
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await expect(list.locator('tbody tr')).toContainText(`${SHIPPED.trainIds.length} questions (${SHIPPED.trainedOn.problems})`);
  await expect(list.locator('tbody tr')).toContainText('imported from from-a-colleague.json');
  await expect(list.locator('tbody tr')).toContainText('earlier');
  const left = await idbKeys(page, 'headlab:selector');
  expect(left).toHaveLength(1);
  expect(left[0]).toMatch(/^headlab:selector:v2:[0-9a-f]{16}-[0-9a-f]{16}$/);
  expect(headlab.consoleErrors).toEqual([]);
});
