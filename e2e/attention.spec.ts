/**
 * Attention patterns in the browser on the bundled model: inspecting a head
 * from the grid (mouse and keyboard), reading a cell, agreement with the
 * CLI, the layer view, before/after with a pruned head, zoom and grouping,
 * an out-of-date map, and the teaching panel's real patterns.
 */
import { spawnSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/headlabPage';
import type { PatternsJson } from '../src/engine/attention/patternsJson';

const QUESTION = 'Mia has 5 apples. Mia buys 3 more apples. How many apples does Mia have now?';

test.beforeEach(async ({ headlab }, info) => {
  test.skip(info.project.name !== 'wasm', 'the patterns come from the same session code on either backend; WASM is what CI machines have');
  await headlab.open();
  await headlab.waitForModel();
});

const panel = (page: Page) => page.getByRole('region', { name: 'Attention patterns' });
const cell = (page: Page, l: number, h: number) => page.getByRole('button', { name: `layer ${l} head ${h}`, exact: true });

async function inspect(page: Page, l: number, h: number) {
  const toggle = page.getByRole('button', { name: 'Inspect heads' });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await cell(page, l, h).click();
  await expect(panel(page).getByTestId('attention-before')).toBeVisible();
  await expect(panel(page).getByRole('figure').filter({ has: page.getByTestId('attention-before') })).toContainText(`layer ${l} head ${h}`);
}

/** Moves the focused cell of a map to row q, column k with the keyboard; returns the weight read out. */
async function readCell(page: Page, testId: string, q: number, k: number): Promise<string> {
  const map = panel(page).getByTestId(testId);
  await map.focus();
  await map.press('Home');
  for (let i = 0; i < q; i++) await map.press('ArrowDown');
  for (let i = 0; i < k; i++) await map.press('ArrowRight');
  const readout = panel(page).getByTestId('attention-readout');
  await expect(readout).toContainText(`(row ${q})`);
  await expect(readout).toContainText(`(column ${k})`);
  return (await panel(page).getByTestId('attention-weight').textContent()) ?? '';
}

test('inspecting a head shows its attention over the question and answer, equal to the CLI', async ({ headlab, page }) => {
  await headlab.ask(QUESTION);
  await headlab.answer();
  await inspect(page, 0, 2);
  // A click in inspect mode selects; it does not prune.
  await expect(page.getByTestId('pruned-count')).toHaveText('0');
  await expect(cell(page, 0, 2)).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('region', { name: 'Attention patterns' })).toContainText('of the answer');

  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'attention', '--model', 'public/models/headlab-math-6x8', '--prompt', QUESTION, '--layer', '0', '--head', '2', '--json'], { encoding: 'utf8' });
  expect(cli.status).toBe(0);
  const json = JSON.parse(cli.stdout) as PatternsJson;
  const weights = json.layers[0].heads[0].weights;
  for (const [q, k] of [[4, 4], [9, 3], [20, 0]]) {
    const shown = Number(await readCell(page, 'attention-before', q, k));
    expect(Math.abs(shown - weights[q][k])).toBeLessThanOrEqual(1e-4);
  }
  await expect(panel(page).getByTestId('attention-readout')).toContainText('looks most at');
  // Pointing at a cell reads it too.
  const box = (await panel(page).getByTestId('attention-before').boundingBox())!;
  await page.mouse.move(box.x + box.width - 4, box.y + box.height - 4);
  await expect(panel(page).getByTestId('attention-readout')).toContainText(`(row ${(await tokenCount(page)) - 1})`);
  expect(headlab.consoleErrors).toEqual([]);
});

/** The tokens on the map's axes, as its legend states them. */
async function tokenCount(page: Page): Promise<number> {
  const legend = (await panel(page).locator('.legend').textContent()) ?? '';
  return Number(/(\d+) tokens:/.exec(legend)?.[1]);
}

test('a head is inspected from the keyboard: arrows on the grid, then Enter', async ({ page }) => {
  await page.getByRole('textbox', { name: 'Question', exact: true }).fill(QUESTION);
  await page.getByRole('button', { name: 'Inspect heads' }).click();
  await cell(page, 0, 0).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(cell(page, 1, 1)).toHaveAttribute('aria-current', 'true');
  await expect(cell(page, 1, 1)).toHaveAttribute('aria-pressed', 'false');
  await expect(panel(page).getByRole('figure').filter({ has: page.getByTestId('attention-before') })).toContainText('layer 1 head 1');
});

test('the layer view shows every head of the layer and opens one', async ({ page }) => {
  await page.getByRole('textbox', { name: 'Question', exact: true }).fill(QUESTION);
  await inspect(page, 3, 0);
  await page.getByRole('button', { name: 'Every head of the layer' }).click();
  await expect(panel(page).getByTestId('attention-layer-before').getByRole('button')).toHaveCount(8);
  await expect(panel(page).getByTestId('attention-before')).toHaveCount(0);
  await panel(page).getByRole('button', { name: 'One head' }).click();
  await expect(panel(page).getByTestId('attention-before')).toBeVisible();
  await panel(page).getByRole('button', { name: 'Every head of the layer' }).click();
  await panel(page).getByTestId('attention-thumb-before-5').click();
  await expect(page.getByRole('button', { name: 'One head' })).toHaveAttribute('aria-pressed', 'true');
  await expect(panel(page).getByRole('figure').filter({ has: page.getByTestId('attention-before') })).toContainText('layer 3 head 5');
  await expect(cell(page, 3, 5)).toHaveAttribute('aria-current', 'true');
});

test('before and after pruning side by side: a head of layer 1 pruned leaves layer 1 alone and changes layer 2', async ({ page }) => {
  await page.getByRole('textbox', { name: 'Question', exact: true }).fill(QUESTION);
  await cell(page, 1, 4).click();
  await expect(page.getByTestId('pruned-count')).toHaveText('1');
  await inspect(page, 1, 0);
  await expect(panel(page).getByTestId('attention-after')).toBeVisible();
  await expect(panel(page).getByTestId('attention-difference')).toBeVisible();
  await expect(panel(page).getByRole('figure').filter({ has: page.getByTestId('attention-difference') })).toContainText('full colour at ±0.0000');
  const before = await readCell(page, 'attention-before', 12, 3);
  await expect(panel(page).getByTestId('attention-weight-after')).toHaveText(before);

  await cell(page, 2, 6).click();
  await expect(panel(page).getByRole('figure').filter({ has: page.getByTestId('attention-after') })).toContainText('layer 2 head 6');
  await expect(panel(page).getByRole('figure').filter({ has: page.getByTestId('attention-difference') })).not.toContainText('±0.0000');
  // The layer view shows the pruned run beneath.
  await page.getByRole('button', { name: 'Every head of the layer' }).click();
  await expect(panel(page).getByTestId('attention-layer-after').getByRole('button')).toHaveCount(8);
});

test('zoom and token grouping resize the map; a changed question marks it out of date until shown again', async ({ page }) => {
  await page.getByRole('textbox', { name: 'Question', exact: true }).fill(QUESTION);
  await inspect(page, 0, 1);
  const map = panel(page).getByTestId('attention-before');
  // The map's size on screen: its canvas holds one pixel per cell whatever the zoom, and CSS scales it.
  const width = async () => (await map.boundingBox())!.width;
  await page.getByLabel('Cell size').selectOption('4');
  const width4 = await width();
  await page.getByLabel('Cell size').selectOption('12');
  const width12 = await width();
  expect(width12).toBeGreaterThan(width4);
  await page.getByLabel('Tokens per cell').selectOption('4');
  const grouped = await width();
  expect(grouped).toBeLessThan(width12);

  await page.getByRole('textbox', { name: 'Question', exact: true }).fill('Tom has 7 pens. How many pens does Tom have?');
  await expect(panel(page).getByTestId('attention-stale')).toContainText('the question changed');
  await page.getByRole('button', { name: 'Show attention' }).click();
  await expect(panel(page).getByTestId('attention-stale')).toHaveCount(0);
});

test('the teaching panel shows a real head, and what the demo head attended to', async ({ page }) => {
  await page.getByText('What is an attention head?').click();
  await page.getByRole('button', { name: 'Show a real head' }).click();
  await expect(page.getByTestId('teach-example').getByTestId('attention-before')).toBeVisible();
  await expect(page.getByTestId('teach-example')).toContainText('layer 0 head 2');
  await page.getByRole('button', { name: 'What did layer 1 head 4 attend to?' }).click();
  await expect(page.getByTestId('teach-demo-attention').getByTestId('attention-before')).toBeVisible();
  await expect(page.getByTestId('teach-demo-attention')).toContainText('layer 1 head 4');
});

test('Cancel drops a pattern request still waiting behind an answer', async ({ page }) => {
  await page.getByRole('textbox', { name: 'Question', exact: true }).fill(QUESTION);
  await page.getByRole('button', { name: 'Inspect heads' }).click();
  await page.getByRole('button', { name: 'Solve' }).click();
  // The worker runs one job at a time: this request waits for the answer.
  await cell(page, 2, 3).click();
  await panel(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(panel(page).getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  await expect(page.getByTestId('final-answer')).toBeVisible();
  await expect(panel(page).getByTestId('attention-before')).toHaveCount(0);
  await expect(panel(page).getByTestId('attention-error')).toHaveCount(0);
});
