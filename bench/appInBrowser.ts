/**
 * The built app in headless Chromium for browser benchmarks: serves dist/
 * with Vite's preview server, opens the page with `?bench`
 * (window.headlabBench) on the WASM backend, waits for the bundled model,
 * and stops both after `use`.
 */
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';

/** extraArgs: more Chromium flags (--enable-unsafe-webgpu); outDir: the build to serve (default dist). */
export async function withAppInBrowser<T>(
  port: number, use: (page: Page) => Promise<T>, viewport = { width: 1200, height: 1400 }, opts: { extraArgs?: string[]; outDir?: string } = {},
): Promise<T> {
  // In-process, so closing it really stops it: a spawned `npx vite preview` outlived the bench and held the port.
  const server = await preview({ logLevel: 'warn', preview: { port, strictPort: true }, build: { outDir: opts.outDir ?? 'dist' } });
  const args = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...(opts.extraArgs ?? [])];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const browser = await chromium.launch({ executablePath: process.env.HEADLAB_CHROMIUM ?? '/usr/bin/chromium', args });
  try {
    const page = await browser.newPage({ viewport });
    await page.goto(`${server.resolvedUrls!.local[0]}?bench&backend=wasm`);
    await page.getByTestId('backend').waitFor({ timeout: 60_000 });
    return await use(page);
  } finally {
    await browser.close();
    await server.close();
  }
}
