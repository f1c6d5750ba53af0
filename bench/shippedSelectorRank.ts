/**
 * Ranking with a bundled model's shipped SPRINT selector in the browser
 * (headless Chromium, WASM): a fresh page with an empty IndexedDB loads the
 * model and its shipped selector, a held-out question goes in the Question
 * box, and the time from pressing "Rank heads for the question" to the
 * picks table being drawn (the frame after it enters the page) is measured
 * in the page. Each run reloads, so every rank is the first after a load,
 * as a visitor meets it. Target: within 2 s.
 * usage: npm run build && npx tsx bench/shippedSelectorRank.ts [--model headlab-math-6x8] [--runs 5] [--out-dir dist]
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { bundledModel, SHIPPED_SELECTOR_FILE } from '../src/engine/model/bundledModels';
import { HELD_OUT_SEED } from '../src/engine/problems/splits';
import { syntheticProblem } from '../src/engine/problems/synthetic';
import { mixProblem } from '../src/engine/problems/mix/mixProblems';
import { withAppInBrowser } from './appInBrowser';
import { machineDescription, report } from './benchTable';

const { values } = parseArgs({
  options: { model: { type: 'string', default: 'headlab-math-6x8' }, runs: { type: 'string', default: '5' }, 'out-dir': { type: 'string', default: 'dist' } },
});
const model = bundledModel(values.model!);
if (!model) throw new Error(`--model must be a bundled model, got "${values.model}"`);
if (!existsSync(`public/models/${model.name}/${SHIPPED_SELECTOR_FILE}`)) throw new Error(`${model.name} ships no ${SHIPPED_SELECTOR_FILE}: nothing to rank with`);
const runs = Number(values.runs);
const question = (i: number) => (model.problems === 'mix' ? mixProblem(HELD_OUT_SEED, i) : syntheticProblem(HELD_OUT_SEED, i)).question;

const times = await withAppInBrowser(4333, async (page) => {
  const out: number[] = [];
  for (let r = 0; r < runs; r++) {
    if (r > 0) await page.reload();
    await page.getByTestId('selector-origin').filter({ hasText: 'shipped with the model' }).waitFor({ timeout: 120_000 });
    await page.getByRole('textbox', { name: 'Question', exact: true }).fill(question(r));
    // Timed in the page from the click to the frame after the table appears, so Playwright's own round trips are not counted.
    out.push(await page.evaluate(() => new Promise<number>((resolve) => {
      const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent === 'Rank heads for the question')!;
      const start = performance.now();
      // No named function in here: tsx would wrap it in a helper the page does not have.
      const observer = new MutationObserver(() => {
        if (!document.querySelector('table[aria-label="SPRINT\'s picks for the question"] tbody tr')) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - start));
      });
      observer.observe(document.body, { childList: true, subtree: true });
      button.click();
    })));
  }
  return out;
}, undefined, { outDir: values['out-dir'], model: model.name });

const sorted = [...times].sort((a, b) => a - b);
report({
  name: `shipped-selector-rank-${model.name}`,
  command: `npm run build${values['out-dir'] === 'dist' ? '' : ` -- --outDir ${values['out-dir']}`} && npx tsx bench/shippedSelectorRank.ts --model ${model.name} --runs ${runs} --out-dir ${values['out-dir']}`,
  machine: `${machineDescription()}, headless Chromium, WASM`,
  date: new Date().toISOString(),
  rows: times.map((ms, i) => ({ run: i + 1, 'Rank to picks ms': Math.round(ms), 'load average': loadavg()[0].toFixed(1) })),
  notes: [
    `${model.name}, its shipped ${SHIPPED_SELECTOR_FILE}, empty IndexedDB, no sweep; held-out question ${HELD_OUT_SEED}/i for run i`,
    `median ${Math.round(sorted[Math.floor(sorted.length / 2)])} ms, slowest ${Math.round(sorted.at(-1)!)} ms; target: within 2000 ms`,
  ],
});
