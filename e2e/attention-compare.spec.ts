/**
 * Inspecting while pruning (issue 20, item 20): at 1280 px the before,
 * after and difference maps sit side by side, the Inspect switch looks on
 * when it is on and names the inspected head's outline, and the inspected
 * head is pruned and restored from the attention panel without leaving
 * inspect mode.
 */
import { expect, test } from './fixtures/headlabPage';

test.beforeEach(async ({ headlab, page }, info) => {
  test.skip(info.project.name !== 'wasm', 'layout and controls do not depend on the backend');
  await page.setViewportSize({ width: 1280, height: 900 });
  await headlab.open();
  await headlab.waitForModel();
});

test('before, after and difference side by side; the switch looks on; the shown head is pruned from the panel', async ({ headlab, page }) => {
  await headlab.ask('Mia has 5 apples. Mia buys 3 more apples. How many apples does Mia have now?');
  await headlab.answer();
  // Layer 1 head 4 pruned: the maps of a layer-2 head then differ before and after.
  await page.locator('[data-cell="1.4"]').click();
  await expect(page.getByTestId('pruned-count')).toHaveText('1');
  const toggle = page.getByRole('button', { name: 'Inspect heads' });
  const look = () => toggle.evaluate((e) => getComputedStyle(e).backgroundColor);
  const off = await look();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await look()).not.toBe(off);
  await expect(page.getByTestId('inspect-state')).toContainText('the head shown has an orange outline');

  await page.locator('[data-cell="2.3"]').click();
  await expect(page.getByTestId('pruned-count')).toHaveText('1');
  const panel = page.getByRole('region', { name: 'Attention patterns' });
  // Prune it from the panel: the grid prunes it and inspect mode stays on.
  await panel.getByRole('button', { name: 'Prune layer 2 head 3' }).click();
  await expect(page.getByTestId('pruned-count')).toHaveText('2');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('[data-cell="2.3"]')).toHaveAttribute('aria-pressed', 'true');
  await panel.getByRole('button', { name: 'Show attention' }).click();
  const maps = ['attention-before', 'attention-after', 'attention-difference'];
  // The maps draw once their patterns arrive: measured before that, the difference map had no box yet (a CI run failed so).
  for (const id of maps) await expect(panel.getByTestId(id)).toBeVisible();
  const boxes = await Promise.all(maps.map(async (id) => (await panel.getByTestId(id).boundingBox())!));
  // One row: the three maps share their top edge and all fit in the window.
  expect(Math.abs(boxes[1].y - boxes[0].y)).toBeLessThan(2);
  expect(Math.abs(boxes[2].y - boxes[0].y)).toBeLessThan(2);
  expect(boxes[2].x + boxes[2].width).toBeLessThanOrEqual(1280);
  await panel.screenshot({ path: test.info().outputPath('attention-1280.png') });

  await panel.getByRole('button', { name: 'Restore layer 2 head 3' }).click();
  await expect(page.getByTestId('pruned-count')).toHaveText('1');
  await toggle.click();
  await expect(page.getByTestId('inspect-state')).toContainText('Off: clicks prune heads.');
  expect(await look()).toBe(off);
  expect(headlab.consoleErrors).toEqual([]);
});
