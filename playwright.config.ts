import { defineConfig } from '@playwright/test';

// Debian's Chromium (see scripts/ensure-chromium.sh); Playwright's own browser download is not used.
const executablePath = process.env.HEADLAB_CHROMIUM ?? '/usr/bin/chromium';
const baseArgs = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
if (process.getuid?.() === 0) baseArgs.push('--no-sandbox');
// HEADLAB_E2E_PORT lets two checkouts' (or two people's) runs share a machine: each builds into its own folder.
const port = Number(process.env.HEADLAB_E2E_PORT ?? 4317);
const outDir = port === 4317 ? 'dist' : `dist-${port}`;

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 60_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: { baseURL: `http://localhost:${port}`, trace: 'off' },
  webServer: {
    command: `npx vite build --logLevel warn --outDir ${outDir} --emptyOutDir && npx vite preview --outDir ${outDir} --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
  projects: [
    {
      name: 'wasm',
      use: { browserName: 'chromium', launchOptions: { executablePath, args: baseArgs } },
    },
    {
      name: 'webgpu',
      use: { browserName: 'chromium', launchOptions: { executablePath, args: [...baseArgs, '--enable-unsafe-webgpu'] } },
    },
  ],
});
