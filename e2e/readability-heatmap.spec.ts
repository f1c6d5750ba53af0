/** Issue 9, "hard to read": the heatmap's scale, its unit, the unpruned baseline, and exports of the heatmap and the ranking. */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/headlabPage';
import { importSweep, loadedFingerprint, sweepFile } from './fixtures/sweepFiles';
import { pngFacts } from './fixtures/pngImage';

test.beforeEach(async ({ headlab }, info) => {
  test.skip(info.project.name !== 'wasm', 'the heatmap does not depend on the backend');
  await headlab.open('?bench');
  await headlab.waitForModel();
});

const cell = (page: import('@playwright/test').Page, layer: number, head: number) => page.getByRole('button', { name: `layer ${layer} head ${head}`, exact: true });

async function background(page: import('@playwright/test').Page, layer: number, head: number): Promise<number[]> {
  const rgb = await cell(page, layer, head).evaluate((el) => getComputedStyle(el).backgroundColor);
  return rgb.match(/\d+/g)!.slice(0, 3).map(Number);
}

/** How far the colour is from white: 0 is white. */
const strength = (rgb: number[]) => 255 - Math.min(...rgb);
const hex = (rgb: number[]) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;

test('a helpful head (+10 pts) next to harmful ones (−70 pts) is clearly blue, in one unit everywhere, and exports', async ({ headlab, page }) => {
  // 7 of 10 right unpruned; pruning 0.0 fixes problem 7; pruning any head of layer 5 breaks problems 0-6.
  const json = sweepFile({
    fingerprint: await loadedFingerprint(page),
    mode: 'generate',
    problems: 10,
    baseline: (p) => Number(p < 7),
    change: (l, h, p) => (l === 0 && h === 0 && p === 7 ? 1 : l === 5 && p < 7 ? -1 : 0),
  });
  await importSweep(page, json);
  await expect(page.getByTestId('sweep-baseline')).toHaveText('Unpruned: 70.0% right over 10 problems. Changes below are from this.');

  const helpful = await background(page, 0, 0);
  expect(strength(helpful)).toBeGreaterThan(60);
  expect(helpful[2]).toBeGreaterThan(helpful[0]);
  expect(strength(await background(page, 2, 3))).toBe(0);
  const legend = page.getByTestId('heat-legend');
  await expect(legend).toContainText('change in accuracy, in percentage points');
  await expect(legend).toContainText('-10.0 pts (hurts)');
  await expect(legend).toContainText('+10.0 pts (helps)');
  await expect(legend).toContainText('stops at ±10.0 pts, the 75th percentile of |change| over the heads swept; 8 heads beyond it are drawn at full colour');
  await expect(cell(page, 0, 0)).toHaveAttribute('title', 'layer 0 head 0: change in accuracy +10.0 pts over 10 problems');
  const ranked = page.getByTestId('ranked-heads');
  await expect(ranked.getByRole('columnheader', { name: 'Change (pts)' })).toBeVisible();
  await expect(ranked.locator('tbody tr').first()).toHaveText(/layer 0 head 0\s*\+10\.0 pts\s*10/);
  await expect(ranked.locator('tbody tr').last()).toHaveText(/layer 5 head \d\s*-70\.0 pts\s*10/);

  const heatmap = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export heatmap as PNG' }).click();
  const png = await pngFacts(page, await heatmap, [hex(helpful), '#b2182b']);
  expect((await heatmap).suggestedFilename()).toBe('headlab-heatmap.png');
  // Cells are drawn 30 px square at twice the size: one helpful cell, eight full-red ones (and the legend's swatches).
  expect(png.counts[hex(helpful)]).toBeGreaterThan(3000);
  expect(png.counts['#b2182b']).toBeGreaterThan(8 * 3000);

  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export ranked heads as CSV' }).click();
  const lines = readFileSync((await (await csv).path())!, 'utf8').trim().split('\n');
  expect(lines).toHaveLength(49);
  expect(lines[0]).toBe('rank,layer,head,change_accuracy_pts,problems');
  expect(lines[1]).toBe('1,0,0,10.0,10');
  expect(lines[48]).toMatch(/^48,5,\d,-70\.0,10$/);
  expect(headlab.consoleErrors).toEqual([]);
});

test('a log-prob sweep where layer 0 costs 34 nats still shows a 1-nat change in layer 3', async ({ headlab, page }) => {
  const json = sweepFile({
    fingerprint: await loadedFingerprint(page),
    mode: 'logprob',
    problems: 3,
    baseline: () => -12,
    change: (l, h) => (l === 0 ? -34 : (((l * 8 + h) % 5) - 3) * 0.5),
  });
  await importSweep(page, json);
  await expect(page.getByTestId('sweep-baseline')).toHaveText('Unpruned: -12.000 nats mean log-probability of the reference over 3 problems. Changes below are from this.');
  // Layer 3 head 2 is −1.0 nats: on a ±34 scale it was all but white.
  const layer3 = await background(page, 3, 2);
  expect(strength(layer3)).toBeGreaterThan(100);
  expect(layer3[0]).toBeGreaterThan(layer3[2]);
  await expect(page.getByTestId('heat-legend')).toContainText('stops at ±1.500 nats');
  await expect(cell(page, 3, 2)).toHaveAttribute('title', 'layer 3 head 2: change in log-prob -1.000 nats over 3 problems');
  await expect(page.getByTestId('ranked-heads').getByRole('columnheader', { name: 'Change (nats)' })).toBeVisible();
  await expect(page.getByTestId('ranked-heads').locator('tbody tr').last()).toHaveText(/layer 0 head \d\s*-34\.000 nats\s*3/);
  expect(headlab.consoleErrors).toEqual([]);
});

test('a real sweep shows the unpruned accuracy it measured', async ({ headlab, page }) => {
  await page.getByLabel('Problems', { exact: true }).fill('2');
  await page.getByRole('button', { name: 'Start sweep' }).click();
  await expect(page.getByTestId('sweep-status')).toContainText('98 of 98 cells (generate) — done', { timeout: 90_000 });
  // Held-out problems 0 and 1: unpruned, the model answers 30 (reference 45, wrong) and 2 (right).
  await expect(page.getByTestId('sweep-baseline')).toHaveText('Unpruned: 50.0% right over 2 problems. Changes below are from this.');
  await expect(page.getByTestId('heat-legend')).toContainText('pts');
  await expect(page.getByTestId('ranked-heads').locator('tbody td:nth-child(2)').first()).toHaveText(/^[-+]\d+\.\d pts$/);
  expect(headlab.consoleErrors).toEqual([]);
});
