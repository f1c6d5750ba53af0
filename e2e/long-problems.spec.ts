/**
 * Real data sets run (issue 20, items 6 to 8). One over-long problem no
 * longer stops a run: a comparison, a sweep and a SPRINT evaluation each
 * run the rest and name the problems they skipped, with the context limit.
 * An import says how many problems it loaded and what a comparison will
 * cost, and a bundled model says it cannot answer GSM8K.
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
  await expect(page.getByTestId('problem-source')).toHaveText(/^Using all 4 problems loaded from long\.jsonl \(/);

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

test('an import says how many problems loaded and what a comparison will cost, and a bundled model warns it cannot answer GSM8K', async ({ page }) => {
  const many = Array.from({ length: 600 }, (_, i) => JSON.stringify({ question: `Sam has ${i} cards. Sam buys 2 more cards. How many cards does Sam have now?`, answer: `#### ${i + 2}` }));
  await page.getByLabel('Import GSM8K / MATH500 JSONL').setInputFiles({ name: 'many.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(many.join('\n')) });
  await expect(page.getByTestId('problem-source')).toHaveText(
    'Using all 600 problems loaded from many.jsonl (the Problems field sets the size of generated and Hub sets, not of a file).',
  );
  await expect(page.getByTestId('comparison-estimate')).toContainText(
    "runs the 600 problems with no heads pruned, then with the heads pruned in the grid: 1200 answers in all, about 20 s at about 60 answers per second, a WASM sweep's speed (this browser has measured none yet).",
  );
  await expect(page.getByTestId('problem-domain')).toHaveText(
    "headlab-math-6x8 was trained only on the synthetic generator's questions: it knows their words and answer format, not GSM8K's, so expect it to score near 0 here. Load a Hub model (a Qwen2.5 or SmolLM2 export) to ask GSM8K.",
  );

  // A finished comparison's own speed prices the next one; the generator's own set is not warned about.
  await page.getByLabel('Import GSM8K / MATH500 JSONL').setInputFiles({ name: 'two.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(many.slice(0, 2).join('\n')) });
  await page.getByRole('button', { name: 'Run comparison' }).click();
  await expect(page.getByTestId('run-summary')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('comparison-estimate')).toContainText(/4 answers in all, about \d+ s at this browser's \d+ answers per second \(its last comparison\)\./);
  await page.getByLabel('Problems', { exact: true }).fill('5');
  await expect(page.getByTestId('problem-domain')).toHaveCount(0);
});

test('a big import is capped with the cap said, its bad lines listed in part and counted, and an oversized file refused', async ({ page }) => {
  const good = (i: number) => JSON.stringify({ question: `Sam has ${i} cards. How many cards does Sam have?`, answer: `#### ${i}` });
  const lines = [...Array.from({ length: 5010 }, (_, i) => good(i)), ...Array.from({ length: 80 }, () => '{broken')];
  await page.getByLabel('Import GSM8K / MATH500 JSONL').setInputFiles({ name: 'big.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(lines.join('\n')) });
  await expect(page.getByTestId('problem-source')).toHaveText('Using the first 5000 of 5010 problems in big.jsonl: a set holds at most 5000.');
  const listed = page.getByRole('list', { name: 'Lines not loaded' }).getByRole('listitem');
  await expect(listed).toHaveCount(50);
  await expect(page.getByRole('alert').filter({ hasText: 'lines not loaded' })).toContainText('80 lines not loaded (the first 50 listed, and 30 more)');

  await page.getByLabel('Import GSM8K / MATH500 JSONL').setInputFiles({ name: 'huge.jsonl', mimeType: 'application/jsonl', buffer: Buffer.alloc(17 * 1024 * 1024, 0x20) });
  await expect(page.getByRole('alert').filter({ hasText: 'huge.jsonl' })).toHaveText('huge.jsonl is 17.0 MB; HeadLab imports files of up to 16 MB (a problem set holds at most 5000 problems).');
  // The set loaded before stays.
  await expect(page.getByTestId('problem-source')).toHaveText('Using the first 5000 of 5010 problems in big.jsonl: a set holds at most 5000.');
});
