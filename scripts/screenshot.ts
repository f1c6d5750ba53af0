/**
 * Writes the screenshots in docs/: the app on headlab-math-6x8 (WASM) with
 * layer 1 head 4 pruned, a held-out question answered, a 10-problem
 * comparison, a 4-problem sweep's heatmap, and SPRINT (a 40-problem log-prob
 * sweep, the selector trained on 32, picks for a pasted question, the
 * held-out evaluation up to N = 8). Needs `npm run build && npm run preview` (port 4173).
 * usage: npx tsx scripts/screenshot.ts [url] [--sprint-only]
 */
import { chromium } from '@playwright/test';
import { syntheticProblem } from '../src/engine/problems/synthetic';
import { HELD_OUT_SEED } from '../src/engine/problems/splits';

const url = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'http://localhost:4173/';
const sprintOnly = process.argv.includes('--sprint-only');
const args = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
if (process.getuid?.() === 0) args.push('--no-sandbox');
const browser = await chromium.launch({ executablePath: process.env.HEADLAB_CHROMIUM ?? '/usr/bin/chromium', args });
/** The app, a comparison and a sweep's heatmap. */
async function mainShots() {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1350 } });
  await page.goto(`${url}?model=headlab-math-6x8&prune=1.4`);
  await page.getByTestId('backend').waitFor({ timeout: 60_000 });
  await page.getByRole('textbox', { name: 'Question', exact: true }).fill(syntheticProblem(HELD_OUT_SEED, 5).question);
  await page.getByRole('button', { name: 'Solve' }).click();
  await page.getByTestId('final-answer').waitFor({ timeout: 60_000 });
  // From the top down to the answer: the panels above it have grown past one window's height.
  const bottom = await page.getByRole('region', { name: 'Ask a question' }).evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
  await page.screenshot({ path: 'docs/screenshot.png', fullPage: true, clip: { x: 0, y: 0, width: 1000, height: bottom + 16 } });

  await page.getByRole('button', { name: 'Run comparison' }).click();
  await page.getByTestId('flips').waitFor({ timeout: 120_000 });
  await page.mouse.move(0, 0);
  await page.getByRole('region', { name: 'Compare on a problem set' }).screenshot({ path: 'docs/compare.png' });

  await page.getByLabel('Problems', { exact: true }).fill('4');
  await page.getByRole('button', { name: 'Start sweep' }).click();
  await page.getByText('— done').waitFor({ timeout: 180_000 });
  await page.getByRole('region', { name: 'Attention heads' }).screenshot({ path: 'docs/heatmap.png' });
}
if (!sprintOnly) await mainShots();

const sprint = await browser.newPage({ viewport: { width: 1000, height: 1350 } });
await sprint.goto(`${url}?model=headlab-math-6x8`);
await sprint.getByTestId('backend').waitFor({ timeout: 60_000 });
await sprint.getByLabel('Problems', { exact: true }).fill('40');
await sprint.getByRole('combobox', { name: 'Mode', exact: true }).selectOption('logprob');
await sprint.getByRole('button', { name: 'Start sweep' }).click();
await sprint.getByText('— done').waitFor({ timeout: 300_000 });
await sprint.getByRole('button', { name: 'Train selector on the sweep' }).click();
await sprint.getByTestId('selector-origin').filter({ hasText: 'trained here' }).waitFor({ timeout: 120_000 });
await sprint.getByRole('textbox', { name: 'Question', exact: true }).fill(syntheticProblem(HELD_OUT_SEED, 5).question);
await sprint.getByRole('button', { name: 'Rank heads for the question' }).click();
await sprint.getByRole('table', { name: "SPRINT's picks for the question" }).waitFor();
await sprint.getByRole('button', { name: /^Compare five methods/ }).click();
await sprint.getByTestId('sprint-deltas').waitFor({ timeout: 300_000 });
await sprint.mouse.move(0, 0);
await sprint.getByRole('region', { name: 'SPRINT head selector' }).screenshot({ path: 'docs/sprint.png' });
await browser.close();
