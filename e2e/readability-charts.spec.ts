/** Issue 9, "hard to read": the comparison's progress, times, chart axes, hover and PNG export. */
import { expect, test } from './fixtures/headlabPage';
import { pngFacts } from './fixtures/pngImage';

test.beforeEach(({}, info) => {
  test.skip(info.project.name !== 'wasm', 'the comparison view does not depend on the backend');
});

test('a 20-problem comparison counts its answers with the time left, and times each batch once', async ({ headlab, page }) => {
  await headlab.open('?prune=1.4');
  await headlab.waitForModel();
  await page.getByLabel('Problems', { exact: true }).fill('20');
  await page.getByRole('button', { name: 'Run comparison' }).click();
  const progress = page.getByTestId('comparison-progress');
  await expect(progress).toContainText(/\b0 of 40 answers .*estimating the time left/);
  await expect(progress).toContainText(/\b(8|16|20|28|36) of 40 answers .*about \d+ s left/);
  await expect(page.getByTestId('flips')).toBeVisible({ timeout: 90_000 });
  await expect(progress).toBeHidden();

  // Batches of 8: 8 + 8 + 4 problems, one time per batch spanning its rows, not one per row.
  await expect(page.getByRole('columnheader', { name: 'Batch time (s)' })).toBeVisible();
  const times = page.getByTestId('batch-time');
  await expect(times).toHaveCount(3);
  await expect(times.nth(0)).toHaveAttribute('rowspan', '8');
  await expect(times.nth(0)).toHaveText(/^\d+\.\d\d \/ \d+\.\d\d for these 8$/);
  await expect(times.nth(2)).toHaveText(/for these 4$/);
  expect(headlab.consoleErrors).toEqual([]);
});

test('the charts label their axes, name the problem under the pointer, and export as one PNG with the delta chart and a legend', async ({ headlab, page }) => {
  await headlab.open('?prune=1.4');
  await headlab.waitForModel();
  await page.getByRole('button', { name: 'Run comparison' }).click();
  await expect(page.getByTestId('flips')).toHaveText('1 fixed (wrong to right), 0 broken (right to wrong), 9 unchanged', { timeout: 90_000 });

  const accuracy = page.getByRole('figure', { name: /Accuracy, baseline and pruned/ });
  const deltas = page.getByRole('figure', { name: 'Per-problem change in correctness after pruning' });
  await expect(accuracy.locator('.recharts-label')).toHaveText(['run', 'accuracy']);
  await expect(deltas.locator('.recharts-label')).toHaveText(['problem (flips named)', 'pruned − baseline']);
  await expect(deltas.getByRole('list', { name: 'Delta chart legend' })).toContainText('+1: fixed (wrong → right)');

  await deltas.locator('.recharts-bar-rectangle').nth(5).hover();
  await expect(deltas.locator('.recharts-tooltip-wrapper')).toHaveText('problem syn-7-5: wrong → right (fixed)');
  await deltas.locator('.recharts-bar-rectangle').nth(2).hover();
  await expect(deltas.locator('.recharts-tooltip-wrapper')).toHaveText('problem syn-7-2: right both times');

  const chartWidths = await page.locator('.charts > figure svg.recharts-surface').evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect().width));
  const chartHeight = await accuracy.locator('svg.recharts-surface').evaluate((s) => s.getBoundingClientRect().height);
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export charts as PNG' }).click();
  const png = await pngFacts(page, await download, ['#2a9d8f', '#7fc8f8']);
  expect(downloads).toEqual(['headlab-comparison.png']);
  // Drawn at twice the size: both charts side by side, and the legends and captions under them.
  expect(png.width).toBeGreaterThanOrEqual(2 * (chartWidths[0] + chartWidths[1]));
  expect(png.height).toBeGreaterThan(2 * (chartHeight + 3 * 18));
  // The fixed problem's bar (the delta chart's green) is far larger than its legend swatch alone.
  expect(png.counts['#2a9d8f']).toBeGreaterThan(2000);
  expect(png.counts['#7fc8f8']).toBeGreaterThan(2000);
  expect(headlab.consoleErrors).toEqual([]);
});
