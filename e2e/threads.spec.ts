/**
 * WASM threads: the Threads choice reloads the page with the count in the
 * link, the worker runs that many and the model panel says so, and answers
 * stay the pinned ones; a page served without the isolation headers runs
 * one thread and names the two headers a host must send.
 */
import { expect, test } from './fixtures/headlabPage';
import { PINNED_ANSWERS } from '../src/engine/model/bundledModelPins';
import { syntheticProblem } from '../src/engine/problems/synthetic';
import { HELD_OUT_SEED } from '../src/engine/problems/splits';

test.beforeEach(({}, info) => {
  test.skip(info.project.name !== 'wasm', 'threads are the WASM backend\'s');
});

test('Auto runs 2 threads for the bundled model; choosing 1 reloads with it in the link, runs it, and answers as 2 do', async ({ headlab, page }) => {
  await headlab.open();
  await headlab.waitForModel();
  const auto = Math.min(2, await page.evaluate(() => navigator.hardwareConcurrency));
  await expect(page.getByTestId('threads')).toContainText(`${auto}: Auto: ${auto} for a model under 64 MB`);
  await headlab.ask(syntheticProblem(HELD_OUT_SEED, 0).question);
  expect(await headlab.answer()).toBe(PINNED_ANSWERS[0]);
  await page.getByRole('combobox', { name: 'Threads' }).selectOption('1');
  await expect(page).toHaveURL(/[?&]threads=1/);
  await headlab.waitForModel();
  await expect(page.getByTestId('threads')).toHaveText('1: as chosen');
  await expect(page.getByRole('combobox', { name: 'Threads' })).toHaveValue('1');
  await headlab.ask(syntheticProblem(HELD_OUT_SEED, 0).question);
  expect(await headlab.answer()).toBe(PINNED_ANSWERS[0]);
  await page.getByRole('combobox', { name: 'Threads' }).selectOption('auto');
  await expect(page).not.toHaveURL(/threads=/);
  await headlab.waitForModel();
  await expect(page.getByTestId('threads')).toContainText(`${auto}: Auto`);
  expect(headlab.consoleErrors).toEqual([]);
});

test('without cross-origin isolation threads are off, and the panel names the headers', async ({ headlab, page }) => {
  // The page as a static host without the two headers would serve it.
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['cross-origin-opener-policy'];
    delete headers['cross-origin-embedder-policy'];
    await route.fulfill({ response, headers });
  });
  await headlab.open('threads=2');
  await headlab.waitForModel();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await expect(page.getByTestId('threads')).toHaveText(
    '1: threads are off: the page is not cross-origin isolated (a static host must send Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp)',
  );
  await headlab.ask(syntheticProblem(HELD_OUT_SEED, 0).question);
  expect(await headlab.answer()).toBe(PINNED_ANSWERS[0]);
});
