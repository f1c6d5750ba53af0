/**
 * Saved sweeps are kept under what they are (issue 21, item 1): two tabs
 * sweeping different problem sets each find their own after a reload, the
 * list offers both, and a tab that starts the sweep another tab is running
 * is told so instead of racing it into the same record.
 */
import { expect, test } from './fixtures/headlabPage';

test.beforeEach(({}, info) => {
  test.skip(info.project.name !== 'wasm', 'saved sweeps do not depend on the backend');
});

const status = (page: import('@playwright/test').Page) => page.getByTestId('sweep-status');

test('two tabs sweeping different problem sets each find their own sweep after a reload', async ({ headlab, page, context }) => {
  test.setTimeout(240_000);
  await headlab.open('seed=7&count=10');
  await headlab.waitForModel();
  const other = await context.newPage();
  await other.goto(page.url().replace('count=10', 'count=3'));
  await expect(other.getByTestId('backend')).toBeVisible({ timeout: 60_000 });

  await page.getByRole('button', { name: 'Start sweep' }).click();
  await other.getByRole('button', { name: 'Start sweep' }).click();
  await expect(status(other)).toContainText('147 of 147 cells (generate) — done', { timeout: 120_000 });
  await page.reload();
  await headlab.waitForModel();
  // Tab A's own sweep, paused where it was or done: never tab B's 147 cells.
  await expect(status(page)).toContainText(/of 490 cells \(generate\)/);
  await other.reload();
  await expect(status(other)).toContainText('147 of 147 cells (generate) — done', { timeout: 60_000 });

  // Both are listed, and the other one opens from the list.
  const list = page.getByRole('table', { name: 'Saved sweeps' });
  await page.getByText(/2 sweeps saved in this browser for this model/).click();
  await expect(list.locator('tbody tr')).toHaveCount(2);
  await list.getByRole('button', { name: 'Open' }).click();
  await expect(status(page)).toContainText('147 of 147 cells (generate) — done');
  await other.close();
});

test('starting the sweep another tab is running says so and leaves that tab to finish', async ({ headlab, page, context }) => {
  test.setTimeout(240_000);
  await headlab.open('seed=7&count=40');
  await headlab.waitForModel();
  await page.getByRole('button', { name: 'Start sweep' }).click();
  await expect.poll(async () => Number(await page.getByRole('progressbar', { name: 'Sweep progress' }).getAttribute('value')), { timeout: 60_000 }).toBeGreaterThan(0);
  const second = await context.newPage();
  await second.goto(page.url());
  await expect(second.getByTestId('backend')).toBeVisible({ timeout: 60_000 });
  await expect(status(second)).toContainText('paused; saved in this browser');
  await second.getByRole('button', { name: 'Resume' }).click();
  await expect(second.getByTestId('sweep-other-tab')).toContainText('Another tab of this browser is running this same sweep');
  await expect(status(page)).toContainText('1960 of 1960 cells (generate) — done', { timeout: 180_000 });
  await second.close();
});
