/**
 * Drawing 300 tokens of attention: long tasks (over 50 ms) while the head
 * view (before, after, difference) and the layer's small multiples draw a
 * seeded 300-token view, and while the keyboard walks 20 rows. Target: none
 * over 50 ms. Long tasks are wall time, so run it on a quiet machine.
 * usage: npm run build && npx tsx bench/attentionDraw.ts [--out-dir dist]
 * (--out-dir serves another build folder, so a bench need not share dist/ with someone else's build)
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { withAppInBrowser } from './appInBrowser';
import { machineDescription, report } from './benchTable';

const { values } = parseArgs({ options: { 'out-dir': { type: 'string', default: 'dist' } } });

const tasks = await withAppInBrowser(4331, async (page) => {
  await page.evaluate(() => (window as unknown as { headlabAttention: { prepare(n: number): void } }).headlabAttention.prepare(300));
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
  });
  await page.evaluate(() => (window as unknown as { headlabAttention: { show(): void } }).headlabAttention.show());
  // CSS locators, not getByRole: Playwright's role queries compute ARIA roles over the whole page in the page's own
  // main thread (over 100 ms of it in a profile of the maps appearing), which the long-task count would charge to the app.
  const panel = page.locator('section[aria-labelledby="attention-heading"]');
  await panel.getByTestId('attention-difference').waitFor();
  const map = panel.getByTestId('attention-before');
  await map.focus();
  for (let i = 0; i < 20; i++) await map.press('ArrowDown');
  await panel.locator('label', { hasText: 'Cell size' }).locator('select').selectOption('8');
  await panel.locator('button', { hasText: 'Every head of the layer' }).click();
  await panel.getByTestId('attention-layer-after').locator('button').nth(7).waitFor();
  await page.waitForTimeout(500);
  return page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
}, undefined, { outDir: values['out-dir'] });

report({
  name: 'attention-draw',
  command: `npm run build${values['out-dir'] === 'dist' ? '' : ` -- --outDir ${values['out-dir']}`} && npx tsx bench/attentionDraw.ts --out-dir ${values['out-dir']}`,
  machine: machineDescription(),
  date: new Date().toISOString(),
  rows: [{ 'long tasks': tasks.length, 'over 50 ms': tasks.filter((t) => t > 50).length, 'longest ms': Math.round(Math.max(0, ...tasks)), 'load average': loadavg()[0].toFixed(1), cores: cpus().length }],
  notes: [
    'target: no long task over 50 ms while 300 tokens draw (head view, layer view, 20 keyboard steps)',
    `long tasks (ms, in order): ${tasks.map((t) => Math.round(t)).join(', ') || 'none'}`,
  ],
});
