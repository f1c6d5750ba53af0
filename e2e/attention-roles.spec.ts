/**
 * Head roles in the browser on the bundled model: scored over the loaded
 * problem set in the worker, the grid coloured by a role with every role in
 * the tooltips, exports as JSON and CSV, and Cancel.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/headlabPage';

test.beforeEach(async ({ headlab }, info) => {
  test.skip(info.project.name !== 'wasm', 'roles are read from the same patterns session on either backend');
  await headlab.open('seed=7&count=6');
  await headlab.waitForModel();
});

test('scoring head roles colours the grid by a role, with tooltips and exports', async ({ headlab, page }) => {
  const roles = page.getByTestId('head-roles');
  await roles.getByRole('button', { name: 'Score head roles' }).click();
  await expect(page.getByTestId('roles-summary')).toContainText('Scored over 6 problems');
  await expect(page.getByTestId('role-strongest-previousToken')).toContainText(/layer \d head \d \(0\.\d{3}\)/);

  const cell = page.getByRole('button', { name: 'layer 0 head 0', exact: true });
  const plain = await cell.evaluate((b) => getComputedStyle(b).backgroundColor);
  await page.getByLabel('Colour by').selectOption({ label: 'head role: previous token' });
  await expect(page.getByTestId('role-legend')).toContainText('previous token');
  await expect(cell).toHaveAttribute('title', /layer 0 head 0: previous token 0\.\d{3} .*all roles: previous token .*, first token \(sink\) .*, same token .*, number copying .*, induction /);
  const colours = await page.locator('[data-cell]').evaluateAll((cells) => new Set(cells.map((c) => getComputedStyle(c).backgroundColor)).size);
  expect(colours).toBeGreaterThan(10);
  expect(await cell.evaluate((b) => getComputedStyle(b).backgroundColor)).not.toBe(plain);
  await page.getByLabel('Colour by').selectOption({ label: 'head role: induction' });
  await expect(page.getByTestId('role-legend')).toContainText('induction');

  const [json] = await Promise.all([page.waitForEvent('download'), roles.getByRole('button', { name: 'Export roles as JSON' }).click()]);
  const report = JSON.parse(readFileSync(await json.path(), 'utf8'));
  expect(report.schema).toBe('headlab-head-roles');
  expect(report.problems).toBe(6);
  expect(report.scores.previousToken).toHaveLength(48);
  const [csv] = await Promise.all([page.waitForEvent('download'), roles.getByRole('button', { name: 'Export roles as CSV' }).click()]);
  const lines = readFileSync(await csv.path(), 'utf8').trim().split('\n');
  expect(lines[0]).toBe('layer,head,previous_token,first_token,same_token,number_copying,induction');
  expect(lines).toHaveLength(49);
  expect(Number(lines[1].split(',')[2])).toBeCloseTo(report.scores.previousToken[0], 5);

  await page.getByLabel('Colour by').selectOption({ label: 'nothing (pruned heads only)' });
  await expect(page.getByTestId('role-legend')).toHaveCount(0);
  expect(await cell.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(plain);

  // Coloured by a sweep, the tooltips still end with every role's score.
  await page.getByLabel('Problems', { exact: true }).fill('1');
  await page.getByRole('combobox', { name: 'Mode', exact: true }).selectOption('logprob');
  await page.getByRole('button', { name: 'Start sweep' }).click();
  await expect(page.getByTestId('sweep-status')).toContainText('— done', { timeout: 90_000 });
  await page.getByLabel('Colour by').selectOption({ label: 'the sweep: change when the head alone is pruned' });
  await expect(page.getByTestId('heat-legend')).toBeVisible();
  await expect(cell).toHaveAttribute('title', /layer 0 head 0: change in .*; head roles: previous token 0\.\d{3}, first token \(sink\) /);
  expect(headlab.consoleErrors).toEqual([]);
});

test('Cancel scoring stops the job and leaves no scores', async ({ headlab, page }) => {
  await headlab.open('seed=7&count=200');
  await headlab.waitForModel();
  const roles = page.getByTestId('head-roles');
  await roles.getByRole('button', { name: 'Score head roles' }).click();
  await expect(roles.getByRole('status')).toContainText('of 200 problems read');
  await roles.getByRole('button', { name: 'Cancel scoring' }).click();
  await expect(roles.getByRole('button', { name: 'Cancel scoring' })).toHaveCount(0);
  await expect(page.getByTestId('roles-summary')).toHaveCount(0);
  await expect(roles.getByRole('button', { name: 'Score head roles' })).toBeEnabled();
});
