/**
 * Head-grid responsiveness at 28 x 16 heads (Qwen2.5-Math-1.5B's shape) in
 * Chromium, over 60 toggles: the main-thread work of one toggle (the click's
 * React update, committed in the microtask after the event, plus style and
 * layout forced by reading offsetHeight). Target: at most 16 ms per toggle,
 * so a toggle fits in one 60 Hz frame.
 * usage: npm run build && npx tsx bench/grid.ts   (starts its own preview server)
 */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { machineDescription, report } from './benchTable';

const port = 4319;
const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
try {
  await new Promise((r) => setTimeout(r, 2500));
  const args = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const browser = await chromium.launch({ executablePath: process.env.HEADLAB_CHROMIUM ?? '/usr/bin/chromium', args });
  const page = await browser.newPage({ viewport: { width: 1200, height: 1400 } });
  await page.goto(`http://localhost:${port}/?bench&backend=wasm`);
  await page.getByTestId('backend').waitFor({ timeout: 60_000 });
  await page.evaluate(() => (window as unknown as { headlabBench: { resizeGrid(l: number, h: number): void } }).headlabBench.resizeGrid(28, 16));
  await page.getByRole('button', { name: 'layer 27 head 15', exact: true }).waitFor();
  const times = await page.evaluate(async () => {
    const out: number[] = [];
    for (let i = 0; i < 60; i++) {
      const cell = document.querySelector<HTMLButtonElement>(`[data-cell="${i % 28}.${(i * 7) % 16}"]`)!;
      const before = cell.getAttribute('aria-pressed');
      const t = performance.now();
      cell.click();
      // React commits a discrete event's update in a microtask queued during the click.
      await new Promise((r) => queueMicrotask(() => r(null)));
      void document.body.offsetHeight;
      out.push(performance.now() - t);
      if (cell.getAttribute('aria-pressed') === before) throw new Error('the click had not toggled the cell');
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
    return out;
  });
  await browser.close();
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
  report({
    name: 'grid',
    command: 'npm run build && npx tsx bench/grid.ts',
    machine: `${machineDescription()}, headless Chromium`,
    date: new Date().toISOString(),
    rows: [{ grid: '28 x 16', toggles: times.length, 'median ms': at(0.5), 'p95 ms': at(0.95), 'max ms': sorted.at(-1)!.toFixed(1) }],
    notes: ['click, React commit, style and layout; paint is not included'],
  });
} finally {
  server.kill();
}
