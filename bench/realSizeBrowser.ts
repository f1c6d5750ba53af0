/**
 * A real-size stand-in in the app, in headless Chromium, as a user drives
 * it: load from a local URL (the build's models/ folder, where the stand-in
 * is hard-linked: Playwright cannot fulfil a route with a body of hundreds
 * of megabytes), answer one question, press "Verify head masking". Times
 * each step, reads the answer's tokens/s from the page, and the renderer's
 * peak memory.
 * usage: npm run build && npx tsx bench/realSizeBrowser.ts --model .cache/standins/qwen2.5-0.5b:q4f16 [--backend wasm|webgpu] [--out-dir dist] [--max-minutes 20] [--skip-verify]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { onnxFileFor, type ModelDtype } from '../src/engine/model/modelFiles';
import { withAppInBrowser } from './appInBrowser';
import { publishStandin } from './publishStandin';
import { machineDescription, report } from './benchTable';

const { values } = parseArgs({ options: { model: { type: 'string' }, backend: { type: 'string', default: 'wasm' }, 'out-dir': { type: 'string', default: 'dist' }, 'max-minutes': { type: 'string', default: '20' }, 'skip-verify': { type: 'boolean', default: false } } });
const [dir, dtype] = (values.model ?? '.cache/standins/qwen2.5-0.5b:q4f16').split(':') as [string, ModelDtype];
const id = `standin-${basename(dir)}-${dtype}`;
const limit = Number(values['max-minutes']) * 60_000;

/** Largest VmHWM among Chromium renderer processes (the engine worker runs in one), in MB. */
function rendererPeakMb(): number {
  let peak = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) peak = Math.max(peak, Number(m[1]) / 1024);
    } catch {
      // The process ended while being read.
    }
  }
  return peak;
}

publishStandin(dir, dtype, id, values['out-dir']!);

const row: Record<string, string> = { model: `${basename(dir)} ${dtype}`, backend: values.backend! };
const extraArgs = values.backend === 'webgpu' ? ['--enable-unsafe-webgpu'] : [];
/** Each step as it ends, so a run that stalls shows where. */
const log = (text: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);
await withAppInBrowser(Number(process.env.HEADLAB_BENCH_PORT ?? 4471), async (page) => {
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  page.on('crash', () => log('the page crashed'));
  page.on('worker', (w) => w.on('close', () => log('a worker closed')));
  const t0 = Date.now();
  await page.goto(`${new URL(page.url()).origin}/?model=${id}&backend=${values.backend}`);
  const alert = page.getByRole('region', { name: 'Model' }).getByRole('alert');
  await Promise.race([
    page.getByTestId('model-name').filter({ hasText: id }).waitFor({ timeout: limit }),
    alert.waitFor({ timeout: limit }).then(async () => {
      throw new Error(`load failed: ${await alert.textContent()}`);
    }),
  ]);
  row['load s'] = ((Date.now() - t0) / 1000).toFixed(1);
  log(`loaded in ${row['load s']} s`);
  row['backend used'] = `${await page.getByTestId('backend').textContent()}: ${await page.getByTestId('backend-reason').textContent()}`;
  row.weights = onnxFileFor(dtype);
  await page.getByRole('textbox', { name: 'Question', exact: true }).fill('What is 2 plus 3?');
  const t1 = Date.now();
  await page.getByRole('button', { name: 'Solve' }).click();
  const rate = async () => (await page.getByRole('region', { name: 'Ask a question' }).textContent())?.match(/\d+ tokens, [\d.]+ tokens\/s/)?.[0] ?? 'no token yet';
  const answered = await page.getByTestId('final-answer').waitFor({ timeout: limit }).then(() => true, () => false);
  row['answer s'] = answered ? ((Date.now() - t1) / 1000).toFixed(1) : `unfinished after ${values['max-minutes']} min`;
  row['answer'] = await rate();
  log(`answer: ${row['answer s']} s, ${row.answer}`);
  // Too slow to finish is a finding with its measured rate, not a missing row.
  if (!answered || values['skip-verify']) return;
  const t2 = Date.now();
  await page.getByRole('button', { name: 'Verify head masking' }).click();
  // A refusal (a second copy that cannot fit, say) is a result too: its sentence goes in the row.
  const refused = page.locator('.head-check [role=alert]');
  await Promise.race([page.getByTestId('head-check-results').locator('caption').waitFor({ timeout: limit }), refused.waitFor({ timeout: limit })]);
  row['verify s'] = ((Date.now() - t2) / 1000).toFixed(1);
  row['verified'] = (await refused.count())
    ? ((await refused.textContent()) ?? '?')
    : ((await page.getByTestId('head-check-results').locator('caption').textContent())?.split(':')[0] ?? '?');
  log(`verify: ${row['verify s']} s, ${row.verified}`);
  row['renderer peak RSS MB'] = rendererPeakMb().toFixed(0);
}, undefined, { extraArgs, outDir: values['out-dir'] });

report({
  name: `realSizeBrowser-${basename(dir)}-${dtype}-${values.backend}`,
  command: `npx tsx bench/realSizeBrowser.ts --model ${dir}:${dtype} --backend ${values.backend} --out-dir ${values['out-dir']}`,
  machine: `${machineDescription()}, headless Chromium`,
  date: new Date().toISOString(),
  rows: [row],
});
