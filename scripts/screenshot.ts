/**
 * Writes docs/screenshot.png: the app on the bundled model (WASM) after it
 * answered a held-out problem. Needs a running `npm run preview` (port 4173).
 * usage: npx tsx scripts/screenshot.ts [url]
 */
import { chromium } from '@playwright/test';
import { syntheticProblem } from '../src/engine/problems/synthetic';
import { HELD_OUT_SEED } from '../src/engine/problems/splits';

const url = process.argv[2] ?? 'http://localhost:4173/';
const args = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
if (process.getuid?.() === 0) args.push('--no-sandbox');
const browser = await chromium.launch({ executablePath: process.env.HEADLAB_CHROMIUM ?? '/usr/bin/chromium', args });
const page = await browser.newPage({ viewport: { width: 1000, height: 820 } });
await page.goto(url);
await page.getByTestId('backend').waitFor({ timeout: 60_000 });
await page.getByRole('textbox', { name: 'Question', exact: true }).fill(syntheticProblem(HELD_OUT_SEED, 1).question);
await page.getByRole('button', { name: 'Solve' }).click();
await page.getByTestId('final-answer').waitFor({ timeout: 60_000 });
await page.screenshot({ path: 'docs/screenshot.png', fullPage: true });
await browser.close();
