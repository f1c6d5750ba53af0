/**
 * Results are shown against the data they came from: never against a new
 * problem set, never replaced without asking, never from another model file
 * without saying so; and work that would queue behind a running job says so.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/headlabPage';

test.beforeEach(async ({ headlab }, info) => {
  test.skip(info.project.name !== 'wasm', 'result bookkeeping does not depend on the backend');
  await headlab.open();
  await headlab.waitForModel();
});

test('a finished comparison is cleared, not shown against, a newly pasted question; the set is locked while it runs', async ({ page }) => {
  await page.getByLabel('Problems', { exact: true }).fill('3');
  await page.getByRole('button', { name: 'Run comparison' }).click();
  await expect(page.getByLabel('Problems', { exact: true })).toBeDisabled();
  await expect(page.getByTestId('run-summary')).toContainText('Results for 3 synthetic problems (seed', { timeout: 60_000 });
  await expect(page.getByTestId('run-summary')).toContainText('on headlab-math-6x8');
  await expect(page.getByLabel('Problems', { exact: true })).toBeEnabled();

  await page.getByLabel('Pasted question').fill('Ann has 2 pens. Ann buys 5 more pens. How many pens does Ann have now?');
  await page.getByRole('button', { name: 'Use this question' }).click();
  await expect(page.getByTestId('run-summary')).toHaveCount(0);
  await expect(page.getByTestId('result-pasted-1')).toContainText('not run');
  await expect(page.getByTestId('result-pasted-1')).not.toContainText('✓');
  await expect(page.getByTestId('result-pasted-1')).not.toContainText('✗');
});

test('a sweep says what it ran over, asks before it is replaced, and says so when it came from another model file', async ({ page }) => {
  await page.getByLabel('Problems', { exact: true }).fill('2');
  await page.getByRole('combobox', { name: 'Mode', exact: true }).selectOption('logprob');
  await page.getByRole('button', { name: 'Start sweep' }).click();
  // While the sweep runs, what would queue behind it is disabled and says why.
  await expect(page.getByRole('button', { name: 'Solve' })).toBeDisabled();
  await expect(page.getByRole('region', { name: 'Ask a question' }).getByRole('status')).toContainText('Waiting for the sweep');
  await expect(page.getByTestId('sweep-status')).toContainText('98 of 98 cells (logprob) — done', { timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Solve' })).toBeEnabled();
  await expect(page.getByTestId('sweep-origin')).toHaveText('The sweep below ran over 2 problems with headlab-math-6x8, the problems above.');

  await page.getByLabel('Problems', { exact: true }).fill('3');
  await expect(page.getByTestId('sweep-origin')).toContainText('not the 3 problems above');
  await page.getByRole('button', { name: 'Start sweep' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Replace the sweep?' });
  await expect(confirm).toContainText('replaces the current one (98 cells over 2 problems)');
  await confirm.getByRole('button', { name: 'Keep it' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByTestId('sweep-status')).toContainText('98 of 98 cells (logprob) — done');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  exported.model.fingerprint = 'f'.repeat(64);
  await page.getByLabel('Import sweep JSON').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(exported)) });
  await expect(page.getByTestId('sweep-notice')).toContainText('made with another model file');
  await expect(page.getByTestId('sweep-notice')).toContainText('cannot be resumed here');

  await page.getByRole('button', { name: 'Start sweep' }).click();
  await page.getByRole('alertdialog', { name: 'Replace the sweep?' }).getByRole('button', { name: 'Replace the sweep' }).click();
  await expect(page.getByTestId('sweep-status')).toContainText('147 of 147 cells (logprob) — done', { timeout: 60_000 });
  await expect(page.getByTestId('sweep-notice')).toHaveCount(0);
  await expect(page.getByTestId('sweep-origin')).toContainText('ran over 3 problems with headlab-math-6x8, the problems above.');
});
