/**
 * The built app in headless Chromium for browser benchmarks: serves dist/
 * with Vite's preview server, opens the page with `?bench`
 * (window.headlabBench) on the WASM backend, waits for a bundled model
 * (headlab-math-6x8 unless opts.model names another, so the recorded
 * numbers stay comparable), and stops both after `use`.
 */
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { MATH_MODEL } from '../src/engine/model/bundledModels';

/** extraArgs: more Chromium flags (--enable-unsafe-webgpu); outDir: the build to serve (default dist); model: the bundled folder to open; threads: the WASM thread count (the app's Auto when absent). */
export async function withAppInBrowser<T>(
  port: number, use: (page: Page) => Promise<T>, viewport = { width: 1200, height: 1400 }, opts: { extraArgs?: string[]; outDir?: string; model?: string; threads?: number } = {},
): Promise<T> {
  // In-process, so closing it really stops it: a spawned `npx vite preview` outlived the bench and held the port.
  const server = await preview({ logLevel: 'warn', preview: { port, strictPort: true }, build: { outDir: opts.outDir ?? 'dist' } });
  const args = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...(opts.extraArgs ?? [])];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const browser = await chromium.launch({ executablePath: process.env.HEADLAB_CHROMIUM ?? '/usr/bin/chromium', args });
  try {
    const page = await browser.newPage({ viewport });
    await page.goto(`${server.resolvedUrls!.local[0]}?bench&backend=wasm&model=${opts.model ?? MATH_MODEL}${opts.threads ? `&threads=${opts.threads}` : ''}`);
    await page.getByTestId('backend').waitFor({ timeout: 60_000 });
    return await use(page);
  } finally {
    await browser.close();
    await server.close();
  }
}
