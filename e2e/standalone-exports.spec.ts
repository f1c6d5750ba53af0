/** Issue 20, "Exports that stand alone", items 9-12: the comparison's PNG title, per-problem CSV, flip labels and answer labels. */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test, type HeadLabPage } from './fixtures/headlabPage';
import { pngPixels } from './fixtures/pngImage';
import { boxInSvg, chartsTop, inkIn, inkSpan } from './fixtures/comparisonPng';
import { TITLE_FONT } from '../src/features/export/canvasText';
import { PNG_GAP, PNG_TITLE_LINE } from '../src/features/export/exportPng';

test.beforeEach(({}, info) => {
  test.skip(info.project.name !== 'wasm', 'the comparison view does not depend on the backend');
});

/** Runs the default 10 synthetic problems (seed 7) with head 1.4 pruned: syn-7-5 goes from wrong to right. */
async function compare(headlab: HeadLabPage, page: Page): Promise<void> {
  await headlab.open('?prune=1.4');
  await headlab.waitForModel();
  await page.getByRole('button', { name: 'Run comparison' }).click();
  await expect(page.getByTestId('flips')).toHaveText('1 fixed (wrong to right), 0 broken (right to wrong), 9 unchanged', { timeout: 90_000 });
}

const figures = (page: Page) => ({
  accuracy: page.getByRole('figure', { name: /Accuracy, baseline and pruned/ }),
  deltas: page.getByRole('figure', { name: 'Per-problem change in correctness after pruning' }),
});

async function exportPng(page: Page) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export charts as PNG' }).click();
  return pngPixels(page, await download);
}

/** The answer and its mark in a results cell ("12 ✓"). */
function answerCell(text: string): { answer: string; right: number } {
  const m = /^(.*) ([✓✗])$/.exec(text.trim());
  if (!m) throw new Error(`not an answer cell: ${text}`);
  return { answer: m[1] === 'none' ? '' : m[1], right: m[2] === '✓' ? 1 : 0 };
}

test('item 9: the comparison PNG carries its whole title, wrapped inside the image', async ({ headlab, page }) => {
  await compare(headlab, page);
  const title = 'HeadLab comparison: 10 synthetic problems (seed 7, mixed levels) on headlab-math-6x8; pruned heads (layer.head): 1.4';
  const png = await exportPng(page);
  const width = png.width / 2;
  const top = await chartsTop(png, figures(page).accuracy);
  const lines = Math.round((top - PNG_GAP) / PNG_TITLE_LINE);
  const measured = await page.evaluate(
    ([font, text]) => {
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = font;
      return { title: ctx.measureText(text).width, space: ctx.measureText(' ').width };
    },
    [TITLE_FONT, title],
  );
  // The title is wider than the image: it must take more than one line.
  expect(measured.title).toBeGreaterThan(width - 2 * PNG_GAP);
  expect(lines).toBeGreaterThanOrEqual(2);
  let inked = 0;
  for (let i = 0; i < lines; i++) {
    const span = inkSpan(png, PNG_GAP + PNG_TITLE_LINE * i, i === lines - 1 ? top : PNG_GAP + PNG_TITLE_LINE * (i + 1));
    expect(span, `title line ${i + 1} has ink`).toBeDefined();
    // Within the margins: a line run off the right edge was cut.
    expect(span!.left).toBeGreaterThanOrEqual(PNG_GAP - 1);
    expect(span!.right).toBeLessThanOrEqual(width - PNG_GAP + 1);
    inked += span!.right - span!.left;
  }
  // All of the title is drawn: the lines' ink is as wide as the title, less the spaces they were broken at.
  expect(inked).toBeGreaterThanOrEqual(measured.title - (lines - 1) * measured.space - 2 * lines);
  expect(headlab.consoleErrors).toEqual([]);
});

test('item 10: the comparison exports one CSV row per problem, as the table shows it', async ({ headlab, page }) => {
  await compare(headlab, page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export per-problem results as CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('headlab-comparison.csv');
  const lines = readFileSync((await file.path())!, 'utf8').trimEnd().split('\n');
  expect(lines[0]).toBe('problem_id,question,reference,unpruned_answer,unpruned_correct,pruned_answer,pruned_correct,flip');
  expect(lines).toHaveLength(11);

  const row = page.getByTestId('result-syn-7-5');
  await row.getByText('syn-7-5', { exact: true }).click();
  const question = (await row.locator('details > p').textContent())!;
  const cells = row.getByRole('cell');
  const reference = (await cells.nth(0).textContent())!;
  const unpruned = answerCell((await cells.nth(1).textContent())!);
  const pruned = answerCell((await cells.nth(2).textContent())!);
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  expect(lines[6]).toBe([q('syn-7-5'), q(question), q(reference), q(unpruned.answer), unpruned.right, q(pruned.answer), pruned.right, q('fixed')].join(','));
  expect([unpruned.right, pruned.right]).toEqual([0, 1]);

  // A pasted question that a spreadsheet would read as a formula is written as text.
  await page.getByRole('textbox', { name: 'Pasted question' }).fill('=2+3');
  await page.getByRole('textbox', { name: 'Reference answer (optional)' }).fill('-5');
  await page.getByRole('button', { name: 'Use this question' }).click();
  await page.getByRole('button', { name: 'Run comparison' }).click();
  await expect(page.getByTestId('flips')).toBeVisible({ timeout: 60_000 });
  const again = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export per-problem results as CSV' }).click();
  const pasted = readFileSync((await (await again).path())!, 'utf8').split('\n');
  expect(pasted[1]).toMatch(/^"pasted-1","'=2\+3","'-5",/);
  expect(headlab.consoleErrors).toEqual([]);
});

test('item 11: the delta chart names the flipped problems on its axis, on screen and in the PNG', async ({ headlab, page }) => {
  await compare(headlab, page);
  const { accuracy, deltas } = figures(page);
  const ticks = deltas.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value');
  await expect(ticks).toHaveText(['syn-7-5']);
  await expect(deltas.locator('.recharts-label').first()).toHaveText('problem (flips named)');

  // The label sits under the fixed problem's bar.
  const bar = (await deltas.locator('.recharts-bar-rectangle').nth(5).boundingBox())!;
  const label = (await ticks.first().boundingBox())!;
  expect(Math.abs(label.x + label.width / 2 - (bar.x + bar.width / 2))).toBeLessThan(bar.width / 2);

  const accuracyWidth = (await accuracy.locator('svg.recharts-surface').boundingBox())!.width;
  const inSvg = await boxInSvg(deltas.locator('svg.recharts-surface'), ticks.first());
  const png = await exportPng(page);
  const top = await chartsTop(png, accuracy);
  const left = 2 * PNG_GAP + accuracyWidth;
  const at = { ...inSvg, x: left + inSvg.x, y: top + inSvg.y };
  // The label's box in the PNG holds text, and the same box under an unflipped bar holds none.
  expect(inkIn(png, at)).toBeGreaterThan(40);
  const other = (await deltas.locator('.recharts-bar-rectangle').nth(2).boundingBox())!;
  expect(inkIn(png, { ...at, x: at.x + other.x - bar.x })).toBe(0);
  expect(headlab.consoleErrors).toEqual([]);
});

test('item 12: an expanded problem labels its two answers unpruned and pruned', async ({ headlab, page }) => {
  await compare(headlab, page);
  const row = page.getByTestId('result-syn-7-5');
  const cells = row.getByRole('cell');
  const unpruned = answerCell((await cells.nth(1).textContent())!);
  const pruned = answerCell((await cells.nth(2).textContent())!);
  await row.getByText('syn-7-5', { exact: true }).click();
  await expect(row.getByRole('term')).toHaveText(['unpruned', 'pruned']);
  const answers = row.getByRole('definition');
  await expect(answers).toHaveCount(2);
  // Each label sits on its own run's answer: the unpruned one was wrong here, the pruned one right.
  await expect(answers.nth(0)).toContainText(unpruned.answer);
  await expect(answers.nth(1)).toContainText(pruned.answer);
  expect(unpruned.answer).not.toBe(pruned.answer);
  expect(headlab.consoleErrors).toEqual([]);
});
