import { expect, test } from './fixtures/headlabPage';
import { syntheticProblem } from '../src/engine/problems/synthetic';
import { HELD_OUT_SEED } from '../src/engine/problems/splits';
import { PINNED_ANSWERS } from '../src/engine/model/bundledModelPins';

test.beforeEach(async ({ headlab }, info) => {
  test.skip(info.project.name !== 'wasm', 'grid behaviour does not depend on the backend');
  await headlab.open();
  await headlab.waitForModel();
});

test('pruning layer 1 head 4 turns a wrong answer right', async ({ headlab, page }) => {
  // Held-out problem 5: the unpruned model writes "17 + 13 = 20" and answers 20; the reference is 30.
  const problem = syntheticProblem(HELD_OUT_SEED, 5);
  await headlab.ask(problem.question);
  expect(await headlab.answer()).toBe(PINNED_ANSWERS[5]);
  await expect(page.getByTestId('final-answer')).toHaveText('20');

  const cell = page.getByRole('button', { name: 'layer 1 head 4', exact: true });
  await cell.click();
  await expect(cell).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('pruned-count')).toHaveText('1');
  await page.getByRole('button', { name: 'Solve' }).click();
  await expect(page.getByTestId('pruned-at-run')).toHaveText('Pruned: layer 1 head 4. No truncation.');
  await expect(page.getByTestId('final-answer')).toHaveText(String(problem.final));
  expect(headlab.consoleErrors).toEqual([]);
});

test('heads toggle from the keyboard alone', async ({ page }) => {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.getAttribute('data-cell') === '0.0')) break;
  }
  await expect(page.getByRole('button', { name: 'layer 0 head 0', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'layer 1 head 2', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'layer 1 head 3', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'layer 1 head 3', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('pruned-count')).toHaveText('1');
});

test('rows, columns, a dragged box and reset', async ({ page }) => {
  const grid = page.getByRole('group', { name: 'Attention heads: 6 layers by 8 heads' });
  await expect(grid).toBeVisible();
  await page.getByRole('button', { name: 'toggle every head of layer 2' }).click();
  await expect(page.getByTestId('pruned-count')).toHaveText('8');
  await page.getByRole('button', { name: 'toggle head 0 in every layer' }).click();
  await expect(page.getByTestId('pruned-count')).toHaveText('13');
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByTestId('pruned-count')).toHaveText('0');

  await page.getByRole('button', { name: 'layer 5 head 7', exact: true }).scrollIntoViewIfNeeded();
  const from = await page.getByRole('button', { name: 'layer 3 head 1', exact: true }).boundingBox();
  const to = await page.getByRole('button', { name: 'layer 4 head 3', exact: true }).boundingBox();
  await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
  await page.mouse.down();
  await page.mouse.move(to!.x + to!.width / 2, to!.y + to!.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByTestId('pruned-count')).toHaveText('6');
  await expect(page.getByRole('button', { name: 'layer 4 head 2', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'layer 5 head 2', exact: true })).toHaveAttribute('aria-pressed', 'false');
});

test('the URL carries the pruned heads and the problem set', async ({ headlab, page }) => {
  await headlab.open('?prune=1.4,5.7&seed=3&count=4&level=2');
  await headlab.waitForModel();
  await expect(page.getByRole('button', { name: 'layer 1 head 4', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'layer 5 head 7', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('problem-source')).toHaveText('Using 4 synthetic problems (seed 3, level 2).');
  await page.getByRole('button', { name: 'layer 0 head 0', exact: true }).click();
  await expect(page).toHaveURL(/[?&]model=headlab-math-6x8&prune=0\.0,1\.4,5\.7&seed=3&count=4&level=2$/);
});
