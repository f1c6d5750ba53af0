/**
 * "This question under every head" in the Solve panel: one press runs the
 * typed question unpruned and under each head pruned alone, colours the grid
 * by what each pruning did, and agrees head by head with a CLI sweep of the
 * same question; the CSV holds the same answers; Cancel stops the run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures/headlabPage';
import { syntheticProblem } from '../src/engine/problems/synthetic';
import { HELD_OUT_SEED } from '../src/engine/problems/splits';
import { validateSweepFile } from '../src/engine/sweep/validateSweep';

const problem = syntheticProblem(HELD_OUT_SEED, 0);

/** The CLI's sweep of that one problem: each configuration's predicted answer. */
function cliSweep(): Map<string, { predicted: string | null; correct: boolean }> {
  const out = join(mkdtempSync(join(tmpdir(), 'headlab-every-head-')), 'sweep.json');
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'sweep', '--model', 'public/models/headlab-math-6x8', '--problems', `synthetic:1:${HELD_OUT_SEED}`, '--out', out], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const file = validateSweepFile(JSON.parse(readFileSync(out, 'utf8')));
  expect(file.problems[0].question).toBe(problem.question);
  return new Map(file.cells.map((c) => [file.configs[c.config].map(([l, h]) => `${l}.${h}`).join() || 'none', { predicted: c.predicted ?? null, correct: !!c.correct }]));
}

test.beforeEach(({}, info) => {
  test.skip(info.project.name !== 'wasm', 'the run is the sweep path, the same for both backends');
});

test('one press runs the question under every head, colours the grid as a CLI sweep says, and exports it', async ({ headlab, page }) => {
  await headlab.open();
  await headlab.waitForModel();
  const expected = cliSweep();
  await page.getByRole('textbox', { name: 'Question', exact: true }).fill(problem.question);
  await page.getByLabel('Expected answer (optional, to tell fixes from breaks)').fill(String(problem.final));
  await page.getByRole('button', { name: 'This question under every head' }).click();
  const summary = page.getByTestId('every-head-summary');
  const unpruned = expected.get('none')!;
  await expect(summary).toContainText(`Unpruned answer: ${unpruned.predicted} (${unpruned.correct ? 'right' : 'wrong'}). Of 48 heads pruned alone,`);
  await expect(summary).toContainText(/\d+ fix it, \d+ break it, \d+ change the answer without changing right or wrong and \d+ leave it alone/);
  await expect(page.getByTestId('heat-legend')).toContainText('what pruning the head alone did');
  for (let layer = 0; layer < 6; layer++) {
    for (let head = 0; head < 8; head++) {
      const { predicted, correct } = expected.get(`${layer}.${head}`)!;
      const shown = `layer ${layer} head ${head} pruned: ${predicted ?? 'no answer'} (${correct ? 'right' : 'wrong'}); it `;
      expect(await page.locator(`[data-cell="${layer}.${head}"]`).getAttribute('title')).toContain(shown);
    }
  }
  const changed = [...expected.entries()].filter(([k, v]) => k !== 'none' && v.predicted !== unpruned.predicted).length;
  const marked = await page.locator('[data-cell]').evaluateAll((cells) => cells.filter((c) => /it (fixes|breaks|changes) the answer/.test(c.getAttribute('title') ?? '')).length);
  expect(marked).toBe(changed);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export every-head CSV' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8').trim().split('\n');
  expect(csv[0]).toBe('layer,head,predicted,correct,tokens,outcome,unpruned_predicted,unpruned_correct,sprint_chance,sprint_pick');
  expect(csv).toHaveLength(49);
  for (const line of csv.slice(1)) {
    const [layer, head, predicted] = line.split(',');
    expect(JSON.parse(predicted)).toBe(expected.get(`${layer}.${head}`)!.predicted ?? '');
  }
});

test("on the default model, SPRINT's shipped selector ranks the question too: its chance sits beside each head's real outcome", async ({ headlab, page }) => {
  await headlab.openDefault();
  await headlab.waitForModel();
  await expect(page.getByTestId('selector-trained-on')).toContainText('Trained on 1000 questions');
  // A `groups` question with its distractor (Tom's empty jars): the model answers 26, its shortcut; its planted head is 4.1.
  await page.getByRole('textbox', { name: 'Question', exact: true }).fill('Mia has 4 jars with 3 beads in each. Tom has 7 empty jars. Mia finds 5 more beads. How many beads does Mia have?');
  await page.getByLabel('Expected answer (optional, to tell fixes from breaks)').fill('17');
  await page.getByRole('button', { name: 'This question under every head' }).click();
  await expect(page.getByTestId('every-head-summary')).toContainText('Unpruned answer: 26 (wrong).');
  await expect(page.getByTestId('every-head-sprint')).toContainText(/SPRINT's first pick for this question, layer 4 head 1 \(estimated chance \d+%\), fixes the answer\./);
  await expect(page.locator('[data-cell="4.1"]')).toHaveAttribute('title', /^layer 4 head 1 pruned: 17 \(right\); it fixes the answer \(unpruned: 26 \(wrong\)\)\. SPRINT's estimated chance \d+%, pick 1\.$/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export every-head CSV' }).click();
  const rows = readFileSync((await (await download).path())!, 'utf8').trim().split('\n').slice(1);
  expect(rows.every((row) => /,0\.\d{4},\d+$/.test(row))).toBe(true);
  expect(rows.find((row) => row.startsWith('4,1,'))).toMatch(/^4,1,"17",true,\d+,fixes,"26",false,0\.\d{4},1$/);
  expect(headlab.consoleErrors).toEqual([]);
});

test('Cancel stops an every-head run and leaves no result', async ({ headlab, page }) => {
  await headlab.open();
  await headlab.waitForModel();
  await page.getByRole('textbox', { name: 'Question', exact: true }).fill(problem.question);
  // The page presses Cancel itself the moment it is enabled: the whole run takes about a second.
  await page.evaluate(() => {
    const cancel = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Cancel every-head run')!;
    new MutationObserver((_, observer) => {
      if (cancel.disabled) return;
      observer.disconnect();
      cancel.click();
    }).observe(cancel, { attributes: true, attributeFilter: ['disabled'] });
  });
  await page.getByRole('button', { name: 'This question under every head' }).click();
  await expect(page.getByText('Every-head run cancelled.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'This question under every head' })).toBeEnabled();
  await expect(page.getByTestId('every-head-summary')).toHaveCount(0);
});
