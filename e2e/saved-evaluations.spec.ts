/**
 * Finished SPRINT evaluations are kept under what they are (issue 21,
 * item 1): one survives a reload and reopens with the numbers it finished
 * with; another N is kept beside it; a damaged record is dropped; Forget
 * removes one for good.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/headlabPage';
import { idbGet, idbKeys, idbPut } from './fixtures/idbStore';

test.beforeEach(({}, info) => {
  test.skip(info.project.name !== 'wasm', 'saved evaluations do not depend on the backend');
});

/** The report shown, as its Export results JSON button writes it. */
async function exportedReport(page: Page): Promise<unknown> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export results JSON' }).click();
  return JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
}

test('a finished evaluation survives a reload and reopens with the same numbers; another is kept beside it, and Forget removes one', async ({ headlab, page }) => {
  test.setTimeout(300_000);
  await headlab.open('seed=7&count=10');
  await headlab.waitForModel();
  await headlab.sweepAndTrainSelector(10);
  const region = page.getByRole('region', { name: 'SPRINT head selector' });
  const table = page.getByTestId('sprint-eval-table');
  const paired = page.getByTestId('sprint-paired-table');
  const list = page.getByRole('table', { name: 'Saved evaluations' });
  const rows = list.locator('tbody tr');

  await region.getByRole('spinbutton', { name: 'Up to N' }).fill('2');
  await region.getByRole('button', { name: 'Compare five methods on 2 held-out problems' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(5, { timeout: 120_000 });
  const numbers = (await table.textContent())!;
  const pairs = (await paired.textContent())!;
  const exported = await exportedReport(page);
  const about = "Evaluation of the selector trained here, on 8 questions (synthetic generator, seed 7), on 2 from the sweep's held-out problems (syn-7-8, …), N up to 2";
  await expect(page.getByTestId('eval-shown')).toContainText(about);

  // A damaged copy of the record is dropped on the way back, never listed.
  const [key] = await idbKeys(page, 'headlab:evaluation:v1:');
  const record = await idbGet<{ report: object }>(page, key);
  await idbPut(page, 'headlab:evaluation:v1:damaged', { ...record, report: { ...record.report, ns: [2, 1] } });
  await page.reload();
  await headlab.waitForModel();
  await expect(table).toHaveCount(0);
  await page.getByText('1 evaluation saved in this browser for this model').click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('trained here, on 8 questions (synthetic generator, seed 7)');
  await expect(rows.first()).toContainText('up to 2');
  expect(await idbKeys(page, 'headlab:evaluation')).toEqual([key]);

  // Open: the same numbers as when it finished.
  await rows.first().getByRole('button', { name: 'Open' }).click();
  await expect(table).toHaveText(numbers);
  await expect(paired).toHaveText(pairs);
  expect(await exportedReport(page)).toEqual(exported);
  await expect(page.getByTestId('eval-shown')).toContainText(about);
  await expect(rows.first()).toContainText('shown');

  // Another N is another evaluation: both are kept, the latest first.
  await region.getByRole('spinbutton', { name: 'Up to N' }).fill('1');
  await region.getByRole('button', { name: 'Compare five methods on 2 held-out problems' }).click();
  await expect(page.getByTestId('eval-shown')).toContainText('N up to 1', { timeout: 120_000 });
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('up to 1');
  await expect(rows.nth(1)).toContainText('up to 2');

  // Forget the one shown: it leaves the screen and the list, and stays gone after a reload; the other still opens.
  await rows.first().getByRole('button', { name: 'Forget' }).click();
  await expect(rows).toHaveCount(1);
  await expect(table).toHaveCount(0);
  await page.reload();
  await headlab.waitForModel();
  await page.getByText('1 evaluation saved in this browser for this model').click();
  await expect(rows).toHaveCount(1);
  await rows.first().getByRole('button', { name: 'Open' }).click();
  await expect(table).toHaveText(numbers);
  expect(headlab.consoleErrors).toEqual([]);
});
