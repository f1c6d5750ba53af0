import { expect, test } from './fixtures/headlabPage';

test.beforeEach(async ({ headlab, page }, info) => {
  test.skip(info.project.name !== 'wasm', 'sweep behaviour does not depend on the backend');
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
  });
  await headlab.open();
  await headlab.waitForModel();
});

async function problems(page: import('@playwright/test').Page, count: number) {
  await page.getByLabel('Problems').fill(String(count));
}

test('sweeping a tiny set colours the grid and ranks the heads, without blocking the page', async ({ headlab, page }) => {
  await problems(page, 2);
  await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
  await page.getByRole('button', { name: 'Start sweep' }).click();
  await expect(page.getByTestId('sweep-status')).toContainText('98 of 98 cells (generate) — done', { timeout: 90_000 });
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  expect(longTasks.filter((d) => d > 50)).toEqual([]);

  await expect(page.getByTestId('heat-legend')).toBeVisible();
  const cell = page.getByRole('button', { name: 'layer 0 head 2', exact: true });
  await expect(cell).toHaveAttribute('title', /layer 0 head 2: change in accuracy [-+]\d/);
  await expect(cell).toHaveAttribute('style', /background/);
  await expect(page.getByTestId('ranked-heads').locator('tbody tr')).toHaveCount(10);
  expect(headlab.consoleErrors).toEqual([]);
});

test('a reload mid-sweep resumes from what was saved', async ({ headlab, page }) => {
  await problems(page, 4);
  await page.getByRole('button', { name: 'Start sweep' }).click();
  const progress = page.getByRole('progressbar', { name: 'Sweep progress' });
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 60_000 }).toBeGreaterThanOrEqual(32);
  await page.reload();
  await headlab.waitForModel();
  await expect(page.getByTestId('sweep-status')).toContainText('paused; saved in this browser');
  const saved = Number(await progress.getAttribute('value'));
  expect(saved).toBeGreaterThanOrEqual(32);
  expect(saved).toBeLessThan(196);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('sweep-status')).toContainText('196 of 196 cells (generate) — done', { timeout: 90_000 });
});
