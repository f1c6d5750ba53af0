import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, serveHubRepo, test } from './fixtures/headlabPage';
import { pngFacts } from './fixtures/pngImage';
import { syntheticProblem } from '../src/engine/problems/synthetic';
import { BUNDLED_MODEL_DIR, loadNodeModel } from '../src/node/loadNodeModel';
import { headMaskTransform } from '../src/engine/onnx/addHeadMask';
import { validateSweepFile } from '../src/engine/sweep/validateSweep';
import { trainSprint } from '../src/engine/sprint/sprintSelector';
import { DEFAULT_TRAIN } from '../src/engine/sprint/trainSelector';

test.beforeEach(async ({ headlab }, info) => {
  test.skip(info.project.name !== 'wasm', 'SPRINT and the demo do not depend on the backend');
  await headlab.open();
  await headlab.waitForModel();
});

test('SPRINT trains on a sweep in the browser and ranks heads for a pasted question', async ({ headlab, page }) => {
  test.setTimeout(300_000);
  await headlab.sweepAndTrainSelector(12);
  await expect(page.getByTestId('sprint-loss')).toContainText('trained on 9 questions');
  await expect(page.getByTestId('selector-origin')).toContainText(/trained here on 9 questions.*Embedding took \d+\.\d s, training \d+\.\d s/);

  // With the question box empty, Rank says why it cannot run.
  const rankButton = page.getByRole('button', { name: 'Rank heads for the question' });
  await page.getByRole('textbox', { name: 'Question', exact: true }).fill('');
  await expect(rankButton).toBeDisabled();
  await expect(page.getByTestId('rank-why')).toHaveText('Type a question in the Question box at the top of the page to rank heads for it.');
  await page.getByRole('textbox', { name: 'Question', exact: true }).fill(syntheticProblem(4242, 0).question);
  await expect(page.getByTestId('rank-why')).toHaveCount(0);
  await rankButton.click();
  // Every pick with its estimated chance, the unpruned model as its own row, and a verdict in words.
  const table = page.getByRole('table', { name: "SPRINT's picks for the question" });
  const picks = table.locator('tbody tr').filter({ hasText: /^\d+layer \d head \d/ });
  await expect(picks).toHaveCount(8);
  await expect(table.locator('tbody tr')).toHaveCount(9);
  await expect(picks.first()).toContainText(/layer \d head \d \(grid mark 1\)(\d+%|under \d+%|over \d+%)/);
  await expect(page.getByTestId('no-prune-row')).toContainText(/^\d+nothing pruned(\d+%|under \d+%|over \d+%)$/);
  await expect(page.getByTestId('sprint-verdict')).toHaveText(/^SPRINT's first pick for this question(: prune layer \d head \d \(estimated chance .+\)| is to prune nothing .+)\.$/);
  // Nine training questions calibrate on two: the chances are bounded, and the warning sits beside the picks.
  await expect(page.getByTestId('picks-trained-on')).toHaveText(
    'This selector was trained on 9 questions and calibrated on 2 of them it held back, so no chance below is shown nearer 0 or 100% than 25%. That is too few for these picks and chances to mean much: sweep at least 500 problems and train again.',
  );
  await expect(page.getByTestId('picks-trained-on')).toHaveClass('warning');
  // The ranking colours the grid, and its top picks carry their rank.
  await expect(page.getByTestId('heat-legend')).toContainText("SPRINT's score");
  const [, top] = (await picks.first().textContent())!.match(/layer (\d head \d) \(grid mark 1\)/)!;
  // Its name says the mark it shows (label in name).
  await expect(page.getByRole('button', { name: `layer ${top}, SPRINT pick 1`, exact: true })).toHaveText('1');
  const topCell = page.locator(`[data-cell="${top.replace(' head ', '.')}"]`);
  await expect(topCell).toHaveAttribute('title', /SPRINT's estimated chance (\d+%|under \d+%|over \d+%), pick 1 of 48/);
  // The rank mark is dark on a white badge, readable on any heat colour.
  expect(await topCell.locator('span').evaluate((e) => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor])).toEqual(['rgb(29, 35, 48)', 'rgb(255, 255, 255)']);
  await page.getByRole('combobox', { name: 'Colour by' }).selectOption('sweep');
  await expect(page.getByTestId('heat-legend')).toContainText('change in log-prob');
  await expect(topCell).toHaveText('');
  await page.getByRole('spinbutton', { name: 'N', exact: true }).fill('4');
  await page.getByRole('region', { name: 'SPRINT head selector' }).getByRole('textbox', { name: 'Reference answer (optional)' }).fill(String(syntheticProblem(4242, 0).final));
  await page.getByRole('button', { name: 'Run top-N' }).click();
  await expect(page.getByTestId('top-n').locator('tbody tr')).toHaveCount(4);
  // Run top-N follows the list's order, "nothing pruned" included where it falls.
  const order = (await table.locator('tbody tr td:nth-child(2)').allTextContents()).slice(0, 4).map((t) => t.replace(/ \(grid mark \d\)/, ''));
  expect(await page.getByTestId('top-n').locator('tbody tr td:first-child').allTextContents()).toEqual(order);
  await expect(page.getByTestId('top-n').locator('caption')).toContainText(/Majority vote: .*; pass@4: (yes|no)/);
  await picks.first().getByRole('button', { name: 'Prune only this head' }).click();
  await expect(page.getByTestId('pruned-count')).toHaveText('1');

  // Held-out evaluation: the five methods, N = 1..2, on the 3 problems the selector did not train on; too few, and it says so.
  await page.getByRole('spinbutton', { name: 'Up to N' }).fill('2');
  await expect(page.getByTestId('few-problems')).toContainText('Only 3 held-out problems: every interval will be wide');
  await expect(page.getByTestId('eval-estimate')).toContainText(/up to 9 generations, 27 in all, under a minute at/);
  await page.getByRole('button', { name: 'Compare five methods on 3 held-out problems' }).click();
  const evalTable = page.getByTestId('sprint-eval-table');
  await expect(evalTable.locator('tbody tr')).toHaveCount(5, { timeout: 120_000 });
  await expect(evalTable.getByRole('row', { name: /SPRINT best-of-N/ })).toContainText(/pass \d+% \(\d+%–\d+%\); majority \d+%/);
  await expect(evalTable.getByRole('row', { name: /fixed head order best-of-N/ })).toContainText(/pass \d+%/);
  const paired = page.getByTestId('sprint-paired-table');
  await expect(paired.locator('tbody tr')).toHaveCount(4);
  await expect(paired.getByRole('row', { name: /fixed head order/ })).toContainText(/[+−]\d+\.\d \([+−]\d+\.\d to [+−]\d+\.\d\).*SPRINT alone right \d, fixed alone \d; p = [\d.e-]+/);
  await expect(page.getByRole('figure', { name: /^Accuracy against N, pass@N/ }).locator('.recharts-wrapper > svg.recharts-surface')).toBeVisible();
  await expect(page.getByRole('figure', { name: /^Accuracy against N, majority vote/ }).locator('.recharts-wrapper > svg.recharts-surface')).toBeVisible();
  const passBars = page.getByRole('figure', { name: /^Accuracy against N, pass@N/ }).locator('.recharts-errorBar line');
  expect(await passBars.first().evaluate((l) => getComputedStyle(l).transitionDuration)).toBe('0s');
  await expect(page.getByTestId('sprint-deltas')).toContainText(/fixed head order best-of-N: SPRINT better on \d, worse on \d, equal on \d of 3 problems/);
  await page.getByRole('combobox', { name: 'Per problem, SPRINT against' }).selectOption('sampling');
  await expect(page.getByTestId('sprint-deltas')).toContainText(/SPRINT minus sampling best-of-N: SPRINT better on \d/);

  // The exports: the three charts as one PNG (SPRINT's red and fixed's green in it), and the report as JSON.
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  const png = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export charts PNG' }).click();
  const facts = await pngFacts(page, await png, ['#c0392b', '#2a9d8f']);
  expect(facts.width).toBeGreaterThan(facts.height);
  expect(facts.counts['#c0392b']).toBeGreaterThan(20);
  expect(facts.counts['#2a9d8f']).toBeGreaterThan(20);
  const json = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export results JSON' }).click();
  const report = JSON.parse(readFileSync((await (await json).path())!, 'utf8'));
  expect(report.methods.map((m: { method: string }) => m.method)).toEqual(['greedy', 'sampling', 'random', 'fixed', 'sprint']);
  expect(report.problems).toHaveLength(3);
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export per-problem CSV' }).click();
  const rows = readFileSync((await (await csv).path())!, 'utf8').trim().split('\n');
  expect(rows[0]).toBe('problem_id,family,n,greedy_first_right,greedy_right,sampling_first_right,sampling_right,random_first_right,random_right,fixed_first_right,fixed_right,sprint_first_right,sprint_right');
  // One row per held-out problem, in the report's order; synthetic problems have no family.
  expect(rows.slice(1).map((r) => r.split(',').slice(0, 3).join(','))).toEqual(report.problems.map((id: string) => `"${id}","",2`));
  await page.waitForTimeout(500);
  expect(downloads).toEqual(['headlab-sprint-charts.png', 'headlab-sprint-eval.json', 'headlab-sprint-eval.csv']);
  expect(headlab.consoleErrors).toEqual([]);
});

test('a trained selector survives a reload, exports, and refuses a file for another model', async ({ headlab, page }) => {
  test.setTimeout(180_000);
  await headlab.sweepAndTrainSelector(10);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export selector JSON' }).click();
  const path = await (await download).path();
  const exported = JSON.parse(readFileSync(path, 'utf8'));
  expect(exported.schema).toBe('headlab-sprint-selector');
  expect(exported.trainIds).toHaveLength(8);

  // The same engine code in Node (onnxruntime-node, as the CLI runs it) trains the same selector from the same sweep and seed.
  const sweepDownload = page.waitForEvent('download');
  await page.getByRole('region', { name: 'Sweep' }).getByRole('button', { name: 'Export JSON' }).click();
  const sweep = validateSweepFile(JSON.parse(readFileSync(await (await sweepDownload).path(), 'utf8')));
  const model = await loadNodeModel(BUNDLED_MODEL_DIR, { transform: headMaskTransform({ hiddenStateOutput: true }) });
  const inNode = await trainSprint(model, sweep, [...Array(8).keys()], { ...DEFAULT_TRAIN });
  expect(inNode.model.fingerprint).toBe(exported.model.fingerprint);
  expect(inNode.trainIds).toEqual(exported.trainIds);
  // WASM and the native CPU kernels round differently (about 1e-7 in the embeddings); 60 epochs of Adam keep that small.
  const drift = Math.max(...inNode.params.map((p, i) => Math.abs(p - exported.params[i])));
  expect(drift).toBeLessThan(1e-3);
  expect(inNode.losses.at(-1)).toBeCloseTo(exported.losses.at(-1), 4);

  await page.reload();
  await headlab.waitForModel();
  await expect(page.getByTestId('selector-origin')).toContainText("restored from this browser (8 training questions, the model's own mean final hidden state)");

  const region = page.getByRole('region', { name: 'SPRINT head selector' });
  const foreign = test.info().outputPath('foreign-selector.json');
  writeFileSync(foreign, JSON.stringify({ ...exported, model: { ...exported.model, fingerprint: 'another-model' } }));
  await region.getByLabel('Import selector JSON').setInputFiles(foreign);
  await expect(region.getByRole('alert')).toContainText('Could not import the selector: This selector was trained on a different model file');
  const damaged = test.info().outputPath('damaged-selector.json');
  writeFileSync(damaged, JSON.stringify({ ...exported, params: exported.params.slice(1) }));
  await region.getByLabel('Import selector JSON').setInputFiles(damaged);
  await expect(region.getByRole('alert')).toContainText(/damaged-selector.json is not a usable HeadLab SPRINT selector: "params" must hold \d+ numbers/);

  // Forgetting the user's selector goes back to the one shipped with the model.
  await region.getByRole('button', { name: 'Forget selector' }).click();
  await expect(page.getByTestId('selector-origin')).toContainText('Selector shipped with the model');
  await region.getByLabel('Import selector JSON').setInputFiles(path);
  await expect(page.getByTestId('selector-origin')).toContainText(/imported from /);
  await expect(region.getByRole('alert')).toHaveCount(0);

  // The MiniLM encoder, as in the original work: downloaded through transformers.js from the Hub, played here by a
  // stand-in with MiniLM's layout and architecture (src/node/fixtures/tiny-minilm), not its weights.
  await serveHubRepo(page, 'Xenova/all-MiniLM-L6-v2', join(process.cwd(), 'src/node/fixtures/tiny-minilm'));
  await region.getByRole('combobox', { name: 'Question encoder' }).selectOption('minilm');
  await region.getByText('Training settings').click();
  await region.getByRole('spinbutton', { name: 'Temperature' }).fill('0.2');
  await region.getByRole('spinbutton', { name: 'Seed' }).fill('5');
  await region.getByRole('button', { name: 'Train selector on the sweep' }).click();
  await expect(page.getByTestId('selector-origin')).toContainText('trained here on 8 questions with all-MiniLM-L6-v2 sentence embeddings (temperature 0.2, k 64, seed 5)', { timeout: 60_000 });
  await page.getByRole('textbox', { name: 'Question', exact: true }).fill('Tom has 3 apples and buys 4 more. How many apples does he have?');
  await region.getByRole('button', { name: 'Rank heads for the question' }).click();
  await expect(page.getByRole('table', { name: "SPRINT's picks for the question" }).locator('tbody tr')).toHaveCount(9);
  expect(headlab.consoleErrors).toEqual([]);
});

test('the teaching demo shows a pruned head turning a wrong answer right', async ({ page }) => {
  await page.getByRole('button', { name: '1. Ask with nothing pruned' }).click();
  await expect(page.getByTestId('final-answer')).toHaveText('20');
  await page.getByRole('button', { name: '2. Ask with layer 1 head 4 pruned' }).click();
  await expect(page.getByTestId('pruned-at-run')).toHaveText('Pruned: layer 1 head 4. No truncation.');
  await expect(page.getByTestId('final-answer')).toHaveText('30');
});

test('SPRINT proposes problem sets large enough to tell methods apart, with their cost before anything runs', async ({ headlab, page }) => {
  // No selector at all (none shipped, none trained): Rank says so rather than sitting disabled.
  await page.route('**/sprint-selector.json', (route) => route.fulfill({ status: 404, body: '' }));
  await page.reload();
  await headlab.waitForModel();
  await expect(page.getByTestId('selector-origin')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Rank heads for the question' })).toBeDisabled();
  await expect(page.getByTestId('rank-why')).toHaveText('Train or import a selector to rank heads.');
  const sizes = page.getByTestId('sprint-sizes');
  await expect(sizes).toContainText(/then start the sweep: 29400 cells, about \d+ min at 60 cells\/s \(WASM\)/);
  await expect(sizes).toContainText(/up to 33 generations, 9900 in all, about \d+ min/);
  await sizes.getByRole('button', { name: 'Load 600 training problems (seed 11)' }).click();
  await expect(page.getByTestId('loaded-set')).toContainText('Loaded now: 600 synthetic problems (seed 11');
  await sizes.getByRole('button', { name: 'Load 300 held-out problems (seed 7)' }).click();
  await expect(page.getByTestId('loaded-set')).toContainText('Loaded now: 300 synthetic problems (seed 7');
});
