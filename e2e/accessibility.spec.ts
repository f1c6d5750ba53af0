/**
 * axe-core on the main states of the page (issue 20, item 22): a fresh
 * page, a comparison, a sweep, SPRINT picks, attention maps, the truncation
 * panel with its proofs, and the teaching demo. Each state must have no
 * violation of impact serious or critical; the rest are listed in the
 * test's output and annotations, so they stay in sight.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures/headlabPage';

test.beforeEach(({}, info) => {
  test.skip(info.project.name !== 'wasm', 'the page is the same on either backend');
});

/** Runs axe over the page; fails on serious or critical violations and lists the rest. */
async function audit(page: Page, info: TestInfo, state: string): Promise<void> {
  const started = Date.now();
  // Experimental rules too: label-content-name-mismatch, which the audit found on the grid, is one.
  const { violations } = await new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
  console.log(`${state}: axe took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const lines = violations.map((v) => `${state}: ${v.id} (${v.impact}, ${v.nodes.length} node${v.nodes.length > 1 ? 's' : ''}): ${v.help}`);
  for (const line of lines) info.annotations.push({ type: 'axe', description: line });
  if (lines.length) console.log(lines.join('\n'));
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), state).toEqual([]);
}

test('the main states have no serious or critical axe violations', async ({ headlab, page }, info) => {
  test.setTimeout(300_000);
  await headlab.openDefault('seed=7&count=4');
  await headlab.waitForModel();
  await audit(page, info, 'fresh page');

  await page.getByRole('button', { name: 'Run comparison' }).click();
  await expect(page.getByTestId('run-summary')).toBeVisible({ timeout: 60_000 });
  await audit(page, info, 'after a comparison');

  await page.getByRole('button', { name: 'Start sweep' }).click();
  await expect(page.getByTestId('sweep-status')).toContainText('196 of 196 cells (generate) — done', { timeout: 90_000 });
  await audit(page, info, 'after a sweep');

  await page.getByRole('textbox', { name: 'Question', exact: true }).fill('Mia has 4 jars with 3 beads in each. Tom has 7 empty jars. Mia finds 5 more beads. How many beads does Mia have?');
  await page.getByRole('region', { name: 'SPRINT head selector' }).getByRole('button', { name: 'Rank heads for the question' }).click();
  await expect(page.getByRole('table', { name: "SPRINT's picks for the question" })).toBeVisible();
  await audit(page, info, 'SPRINT picks');

  await page.getByRole('button', { name: 'Solve' }).click();
  await expect(page.getByTestId('final-answer')).toBeVisible();
  const toggle = page.getByRole('button', { name: 'Inspect heads' });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await page.locator('[data-cell="0.2"]').click();
  await expect(page.getByRole('region', { name: 'Attention patterns' }).getByTestId('attention-before')).toBeVisible();
  await audit(page, info, 'attention maps');

  const truncate = page.getByRole('region', { name: 'Truncate' });
  await truncate.getByRole('button', { name: 'Apply truncation' }).click();
  await expect(truncate.getByTestId('truncation-active')).toContainText('The model now runs with');
  await truncate.getByRole('button', { name: 'Verify truncation' }).click();
  await expect(truncate.getByTestId('truncation-check').locator('caption')).toContainText('Truncation verified', { timeout: 90_000 });
  await audit(page, info, 'truncation panel');

  // The teaching panel with every section open (its demo runs on headlab-math-6x8, not this default model).
  const teach = page.getByRole('region', { name: 'How this works' });
  for (const summary of await teach.locator('summary').all()) await summary.click();
  await expect(teach.locator('details[open]')).toHaveCount(await teach.locator('details').count());
  await audit(page, info, 'teaching panel');
});
