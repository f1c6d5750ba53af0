/**
 * The built app in headless Chromium for browser benchmarks: starts
 * `vite preview`, opens the page with `?bench` (window.headlabBench) on the
 * WASM backend, waits for the bundled model, and cleans up after `use`.
 */
import { spawn } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';

export async function withAppInBrowser<T>(port: number, use: (page: Page) => Promise<T>, viewport = { width: 1200, height: 1400 }): Promise<T> {
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort'], { stdio: 'ignore' });
  try {
    await new Promise((r) => setTimeout(r, 2500));
    const args = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    const browser = await chromium.launch({ executablePath: process.env.HEADLAB_CHROMIUM ?? '/usr/bin/chromium', args });
    try {
      const page = await browser.newPage({ viewport });
      await page.goto(`http://localhost:${port}/?bench&backend=wasm`);
      await page.getByTestId('backend').waitFor({ timeout: 60_000 });
      return await use(page);
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
  }
}
