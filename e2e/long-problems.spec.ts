/**
 * One over-long problem no longer stops a run (issue 20, item 6): a
 * comparison, a sweep and a SPRINT evaluation each run the rest of the set
 * and name the problems they skipped, with the context limit.
 */
import { expect, test } from './fixtures/headlabPage';

test.beforeEach(async ({ headlab }, info) => {
  test.skip(info.project.name !== 'wasm', 'which problems fit does not depend on the backend');
  await headlab.open();
  await headlab.waitForModel();
});

const LONG = 'Mia has 3 apples. '.repeat(60) + 'How many apples does Mia have now?';
const lines = [
  { question: 'Mia has 5 apples. Mia buys 3 more apples. How many apples does Mia have now?', answer: '#### 8' },
  { question: 'Tom has 4 pears. Tom buys 2 more pears. How many pears does Tom have now?', answer: '#### 6' },
  { question: LONG, answer: '#### 3' },
  { question: 'Sam has 9 cards. Sam gives 4 cards away. How many cards does Sam have now?', answer: '#### 5' },
].map((l) => JSON.stringify(l));
const SKIPPED = /^1 of 4 skipped: longer than the model's 256-token context with room for 64 new tokens: gsm8k-3 \(\d+ tokens\)\.$/;

test('a comparison, a sweep and an evaluation run the problems that fit and name the one skipped', async ({ page }) => {
  test.setTimeout(240_000);
  await page.getByLabel('Import GSM8K / MATH500 JSONL').setInputFiles({ name: 'long.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(lines.join('\n')) });
  await expect(page.getByTestId('problem-source')).toHaveText('Using 4 problems from long.jsonl.');

  await page.getByRole('button', { name: 'Run comparison' }).click();
  await expect(page.getByTestId('run-summary')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('comparison-skipped')).toHaveText(SKIPPED);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('table', { name: /^Problems/ }).locator('tbody tr')).toHaveCount(3);
  await expect(page.getByRole('table', { name: /^Problems/ })).not.toContainText('gsm8k-3');

  await page.getByRole('button', { name: 'Start sweep' }).click();
  await expect(page.getByTestId('sweep-status')).toContainText(`${49 * 3} of ${49 * 3} cells (generate) — done`, { timeout: 90_000 });
  await expect(page.getByTestId('sweep-skipped')).toHaveText(SKIPPED);

  // The shipped selector never trained on these ids, so all that fit are held out.
  const evaluation = page.getByRole('region', { name: 'Evaluate on held-out questions' });
  await page.getByRole('combobox', { name: 'Questions' }).selectOption('loaded');
  await page.getByRole('spinbutton', { name: 'Up to N' }).fill('2');
  await evaluation.getByRole('button', { name: /^Compare five methods on 4 held-out problems/ }).click();
  await expect(page.getByTestId('evaluation-skipped')).toHaveText(SKIPPED, { timeout: 60_000 });
  await expect(evaluation.getByText('pass@N and majority vote on 3 held-out problems')).toBeVisible({ timeout: 120_000 });
});
