/** Issue 9, "hard to read": what the model load is doing after its downloads, and a data set fetch that never answers. */
import { expect, test } from './fixtures/headlabPage';

test.beforeEach(({}, info) => {
  test.skip(info.project.name !== 'wasm', 'the load stages and the fetch do not depend on the backend');
});

test('after the downloads, the model panel says each step until the model is ready', async ({ headlab, page }) => {
  // Every text the stage line shows, however briefly.
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { stages: string[] }).stages = []);
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="load-stage"]')?.textContent;
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await headlab.open();
  await headlab.waitForModel();
  await expect(page.getByTestId('load-stage')).toBeHidden();
  const stages = await page.evaluate(() => (window as unknown as { stages: string[] }).stages);
  expect(stages.map((s) => s.trim())).toEqual([
    'Preparing the model: head-mask surgery on the ONNX graph…',
    'Preparing the model: creating the onnxruntime session…',
    'Preparing the model: warming up with one token…',
  ]);
});

test('a data set fetch that gets no answer shows a spinner and the seconds, then gives up with a message', async ({ headlab, page }) => {
  // A network that swallows the request, as a blocked connection does: no answer and no error.
  await page.route('https://datasets-server.huggingface.co/**', () => new Promise(() => {}));
  await headlab.open();
  await headlab.waitForModel();
  await page.getByRole('button', { name: 'First 10 of GSM8K test from the Hub' }).click();
  const status = page.getByTestId('fetch-status');
  await expect(status).toContainText(/Fetching GSM8K test… 0 s \(gives up after 20 s\)/);
  await expect(status.locator('.spinner')).toBeVisible();
  await expect(status).toContainText(/Fetching GSM8K test… [1-9]\d? s/);
  const alert = page.getByRole('region', { name: 'Compare on a problem set' }).getByRole('alert');
  await expect(alert).toHaveText(
    'The Hugging Face datasets server did not answer within 20 s for openai/gsm8k. Are you offline? Import a JSONL file instead.',
    { timeout: 40_000 },
  );
  await expect(status).toBeHidden();
  await expect(page.getByRole('button', { name: 'First 10 of GSM8K test from the Hub' })).toBeEnabled();
});
