/**
 * Writes the attention screenshots in docs/: held-out problem 5 answered
 * with layer 1 head 4 pruned, layer 2 head 6 before and after that pruning
 * with the difference (docs/attention.png), layer 2's heads as small
 * multiples (docs/attention-layer.png), and the grid coloured by the
 * previous-token role over 10 problems (docs/roles.png).
 * Needs a built app served (npx vite build && npx vite preview, port 4173).
 * usage: npx tsx scripts/attentionScreenshots.ts [url]
 */
import { chromium } from '@playwright/test';
import { syntheticProblem } from '../src/engine/problems/synthetic';
import { HELD_OUT_SEED } from '../src/engine/problems/splits';

const url = process.argv[2] ?? 'http://localhost:4173/';
const args = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
if (process.getuid?.() === 0) args.push('--no-sandbox');
const browser = await chromium.launch({ executablePath: process.env.HEADLAB_CHROMIUM ?? '/usr/bin/chromium', args });
const page = await browser.newPage({ viewport: { width: 1100, height: 1300 } });
await page.goto(`${url}?model=headlab-math-6x8&prune=1.4&seed=7&count=10`);
await page.getByTestId('backend').waitFor({ timeout: 60_000 });
await page.getByRole('textbox', { name: 'Question', exact: true }).fill(syntheticProblem(HELD_OUT_SEED, 5).question);
await page.getByRole('button', { name: 'Solve' }).click();
await page.getByTestId('final-answer').waitFor({ timeout: 60_000 });

const panel = page.getByRole('region', { name: 'Attention patterns' });
await page.getByRole('button', { name: 'Inspect heads' }).click();
await page.getByRole('button', { name: 'layer 2 head 6', exact: true }).click();
await panel.getByTestId('attention-difference').waitFor({ timeout: 60_000 });
await panel.getByLabel('Cell size').selectOption('4');
const before = panel.getByTestId('attention-before');
await before.focus();
for (let i = 0; i < 60; i++) await before.press('ArrowDown');
for (let i = 0; i < 20; i++) await before.press('ArrowRight');
await panel.screenshot({ path: 'docs/attention.png' });

await panel.getByRole('button', { name: 'Every head of the layer' }).click();
await panel.getByTestId('attention-layer-after').waitFor();
await panel.screenshot({ path: 'docs/attention-layer.png' });

await panel.getByRole('button', { name: 'Score head roles' }).click();
await page.getByTestId('roles-summary').waitFor({ timeout: 120_000 });
await page.getByLabel('Colour by').selectOption({ label: 'head role: previous token' });
await page.getByRole('region', { name: 'Attention heads' }).screenshot({ path: 'docs/roles.png' });
await browser.close();
