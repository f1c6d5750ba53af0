/** Issue 9, "hard to read": a narrow window, and the teaching demo's answer beside the demo. */
import { expect, test } from './fixtures/headlabPage';

test.beforeEach(({}, info) => {
  test.skip(info.project.name !== 'wasm', 'layout does not depend on the backend');
});

const sideways = (page: import('@playwright/test').Page) =>
  page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);

test('at 760 px wide the page never scrolls sideways, even with a delta chart over 40 problems', async ({ headlab, page }) => {
  await page.setViewportSize({ width: 760, height: 900 });
  await headlab.open();
  await headlab.waitForModel();
  expect(await sideways(page)).toBeLessThanOrEqual(0);

  await page.getByLabel('Problems', { exact: true }).fill('40');
  await page.getByRole('button', { name: 'Run comparison' }).click();
  const deltas = page.getByRole('figure', { name: 'Per-problem change in correctness after pruning' });
  await expect(deltas).toBeVisible({ timeout: 90_000 });
  // The chart (24 px a problem) is wider than the window: it scrolls inside its figure instead.
  expect(await deltas.locator('svg.recharts-surface').evaluate((s) => s.getBoundingClientRect().width)).toBeGreaterThan(760);
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  expect(headlab.consoleErrors).toEqual([]);
});

test("the teaching demo's answers appear beside its buttons", async ({ headlab, page }) => {
  await headlab.open();
  await headlab.waitForModel();
  const demo = page.getByRole('region', { name: 'How this works' });
  const first = demo.getByRole('button', { name: '1. Ask with nothing pruned' });
  await first.click();
  const result = demo.getByTestId('demo-result');
  await expect(result.getByTestId('demo-final')).toHaveText('20');
  await expect(result).toContainText('Answer with nothing pruned:');
  await expect(result).toContainText('17 + 13 = 20');
  // Right under the buttons, inside the demo's panel: within sight of what was pressed.
  const buttonBox = (await first.boundingBox())!;
  const resultBox = (await result.boundingBox())!;
  const demoBox = (await demo.boundingBox())!;
  expect(resultBox.y).toBeGreaterThan(buttonBox.y);
  expect(resultBox.y - (buttonBox.y + buttonBox.height)).toBeLessThan(120);
  expect(resultBox.y + resultBox.height).toBeLessThanOrEqual(demoBox.y + demoBox.height);

  await demo.getByRole('button', { name: '2. Ask with layer 1 head 4 pruned' }).click();
  await expect(result).toContainText('Answer with layer 1 head 4 pruned:');
  await expect(result.getByTestId('demo-final')).toHaveText('30');
  expect(headlab.consoleErrors).toEqual([]);
});
