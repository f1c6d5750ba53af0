import { expect, test } from './fixtures/headlabPage';

test.beforeEach(async ({ headlab }, info) => {
  test.skip(info.project.name !== 'wasm', 'sweep behaviour does not depend on the backend');
  await headlab.open();
  await headlab.waitForModel();
});

async function problems(page: import('@playwright/test').Page, count: number) {
  await page.getByLabel('Problems', { exact: true }).fill(String(count));
}

// Whether the page stays free of long tasks while the worker sweeps is timed, so bench/browserSweep.ts measures it, not this test.
test('sweeping a tiny set colours the grid and ranks the heads', async ({ headlab, page }) => {
  await problems(page, 2);
  await page.getByRole('button', { name: 'Start sweep' }).click();
  await expect(page.getByTestId('sweep-status')).toContainText('98 of 98 cells (generate) — done', { timeout: 90_000 });

  await expect(page.getByTestId('heat-legend')).toBeVisible();
  const cell = page.getByRole('button', { name: 'layer 0 head 2', exact: true });
  await expect(cell).toHaveAttribute('title', /layer 0 head 2: change in accuracy [-+]\d/);
  await expect(cell).toHaveAttribute('style', /background/);
  await expect(page.getByTestId('ranked-heads').locator('tbody tr')).toHaveCount(10);
  expect(headlab.consoleErrors).toEqual([]);
});

test('a reload mid-sweep resumes from what was saved', async ({ headlab, page }) => {
  // 12 problems: a verified sweep saves one call's cells at a time (16 batches of 16 rows), so 4 would finish in one.
  await problems(page, 12);
  await page.getByRole('button', { name: 'Start sweep' }).click();
  const progress = page.getByRole('progressbar', { name: 'Sweep progress' });
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 60_000 }).toBeGreaterThanOrEqual(32);
  await page.reload();
  await headlab.waitForModel();
  await expect(page.getByTestId('sweep-status')).toContainText('paused; saved in this browser');
  const saved = Number(await progress.getAttribute('value'));
  expect(saved).toBeGreaterThanOrEqual(32);
  expect(saved).toBeLessThan(588);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('sweep-status')).toContainText('588 of 588 cells (generate) — done', { timeout: 90_000 });
});

test('a sweep saved by the previous version, as one record, is still restored', async ({ headlab, page }) => {
  await headlab.open('?bench');
  await headlab.waitForModel();
  const fingerprint = await page.evaluate(() => (window as unknown as { headlabBench: { fingerprint(): string } }).headlabBench.fingerprint());
  const problems = [0, 1].map((i) => ({ id: `old-${i}`, question: `What is ${i} + 2?`, reference: String(i + 2) }));
  const configs = [[], ...Array.from({ length: 48 }, (_, j) => [[Math.floor(j / 8), j % 8]])];
  const cells = Array.from({ length: 10 }, (_, j) => ({ config: j, problem: 0, logprob: -10 - j }));
  const v1 = { schema: 'headlab-sweep', version: 1, mode: 'logprob', maxNewTokens: 64, model: { name: 'headlab-math-6x8', fingerprint, numLayers: 6, numHeads: 8 }, problems, configs, cells };
  // Written as idb-keyval stores it, under the version-1 key.
  await page.evaluate(
    ([key, value]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('keyval-store');
        open.onupgradeneeded = () => open.result.createObjectStore('keyval');
        open.onsuccess = () => {
          const tx = open.result.transaction('keyval', 'readwrite');
          tx.objectStore('keyval').put(value, key);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
    [`headlab:sweep:v1:${fingerprint}`, v1] as const,
  );
  await page.reload();
  await headlab.waitForModel();
  await expect(page.getByTestId('sweep-status')).toContainText('paused; saved in this browser');
  await expect(page.getByRole('progressbar', { name: 'Sweep progress' })).toHaveAttribute('value', '10');
  await page.reload();
  await headlab.waitForModel();
  await expect(page.getByRole('progressbar', { name: 'Sweep progress' })).toHaveAttribute('value', '10');
});
