/**
 * Why Auto refuses a software WebGPU adapter: decode speed of one 64-token
 * answer in the app, on WASM and on WebGPU over SwiftShader (Chromium's
 * software adapter, offered with --enable-unsafe-webgpu), in one run. Each
 * backend answers `repeats` times and keeps its fastest answer.
 * usage: npm run build && npx tsx bench/browserBackends.ts [--repeats 2]
 */
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { withAppInBrowser } from './appInBrowser';
import { machineDescription, report } from './benchTable';

const { values } = parseArgs({ options: { repeats: { type: 'string', default: '2' } } });
const repeats = Number(values.repeats);
// The bundled model counts on for all 64 tokens: every answer is the same length.
const QUESTION = '1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20';

async function fastestAnswer(page: Page, backend: 'wasm' | 'webgpu'): Promise<{ tokensPerSecond: number; tokens: number; reason: string }> {
  const url = new URL(page.url());
  url.searchParams.set('backend', backend);
  await page.goto(url.href);
  await page.getByTestId('backend').waitFor({ timeout: 120_000 });
  let best = { tokensPerSecond: 0, tokens: 0 };
  for (let r = 0; r < repeats; r++) {
    await page.getByRole('textbox', { name: 'Question', exact: true }).fill(QUESTION);
    await page.getByRole('button', { name: 'Solve' }).click();
    await page.getByTestId('final-answer').waitFor({ timeout: 600_000 });
    const status = (await page.getByTestId('answer-status').textContent()) ?? '';
    const m = /(\d+) tokens, ([\d.]+) tokens\/s/.exec(status);
    if (m && Number(m[2]) > best.tokensPerSecond) best = { tokens: Number(m[1]), tokensPerSecond: Number(m[2]) };
  }
  return { ...best, reason: (await page.getByTestId('backend-reason').textContent()) ?? '' };
}

const results = await withAppInBrowser(4330, async (page) => ({
  wasm: await fastestAnswer(page, 'wasm'),
  webgpu: await fastestAnswer(page, 'webgpu'),
}), undefined, { extraArgs: ['--enable-unsafe-webgpu'] });

report({
  name: 'browser-backends',
  command: `npm run build && npx tsx bench/browserBackends.ts --repeats ${repeats}`,
  machine: machineDescription(),
  date: new Date().toISOString(),
  rows: (['wasm', 'webgpu'] as const).map((b) => ({
    backend: b === 'wasm' ? 'WASM' : 'WebGPU (SwiftShader)',
    tokens: results[b].tokens,
    'tokens/s': results[b].tokensPerSecond.toFixed(1),
    'vs WASM': (results[b].tokensPerSecond / results.wasm.tokensPerSecond).toFixed(3) + 'x',
    why: results[b].reason,
  })),
  notes: [`one question answered greedily, batch 1, fastest of ${repeats}; the app's own tokens/s readout`],
});
