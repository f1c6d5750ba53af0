import { expect, test } from './fixtures/headlabPage';

test.beforeEach(({}, info) => {
  test.skip(info.project.name !== 'wasm', 'file and input checks do not depend on the backend');
});

test('a corrupt model file is named in the error', async ({ headlab, page }) => {
  await page.route('**/models/headlab-math-6x8/onnx/model.onnx', (route) =>
    route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from('this is not a model') }),
  );
  await headlab.open();
  await expect(headlab.modelAlert).toContainText('Model file onnx/model.onnx: not an ONNX model');
});

test('a truncated model file is named in the error', async ({ headlab, page }) => {
  await page.route('**/models/headlab-math-6x8/onnx/model.onnx', async (route) => {
    const whole = await (await route.fetch()).body();
    await route.fulfill({ status: 200, contentType: 'application/octet-stream', body: whole.subarray(0, whole.length >> 1) });
  });
  await headlab.open();
  await expect(headlab.modelAlert).toContainText('Model file onnx/model.onnx: truncated or corrupt ONNX model');
});

test('a missing model folder is named in the error', async ({ headlab }) => {
  await headlab.open('?model=no-such-model');
  await expect(headlab.modelAlert).toContainText('Model file config.json: not found');
});

test('an over-long question is refused with the context limit, not truncated', async ({ headlab, page }) => {
  await headlab.open();
  await headlab.waitForModel();
  await headlab.ask('Mia has 3 apples. '.repeat(80) + 'How many apples does Mia have now?');
  await expect(headlab.solveAlert).toContainText("the model's context is 256 tokens");
  await expect(page.getByTestId('answer-text')).toHaveText('');
});

test('an imported JSONL with malformed lines lists them by number and loads the rest', async ({ headlab, page }) => {
  await headlab.open();
  await headlab.waitForModel();
  const lines = [
    JSON.stringify({ question: 'Mia has 3 apples. Mia buys 2 more apples. How many apples does Mia have now?', answer: '3 + 2 = 5.\n#### 5' }),
    '{"question": "broken',
    JSON.stringify({ question: 'No answer line', answer: 'just words' }),
    '<img src=x onerror="window.__xss = 1">',
    JSON.stringify({ question: '<b>Bold?</b> Sam has 4 cards. How many cards does Sam have now?', answer: '#### 4' }),
  ];
  await page.getByLabel('Import GSM8K / MATH500 JSONL').setInputFiles({ name: 'mixed.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(lines.join('\n')) });
  const errors = page.getByRole('list', { name: 'Lines not loaded' }).getByRole('listitem');
  await expect(errors).toHaveCount(3);
  await expect(errors.nth(0)).toContainText('line 2: invalid JSON');
  await expect(errors.nth(1)).toContainText('line 3:');
  await expect(errors.nth(2)).toContainText('line 4: invalid JSON');
  await expect(page.getByTestId('problem-source')).toHaveText(/^Using all 2 problems loaded from mixed\.jsonl \(/);

  await page.getByRole('button', { name: 'Run comparison' }).click();
  const question = page.getByTestId('result-gsm8k-5').locator('details');
  await question.locator('summary').click();
  // Imported text is shown as text: the tags appear literally and no element is created.
  await expect(question).toContainText('<b>Bold?</b> Sam has 4 cards.');
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.locator('.results b')).toHaveCount(0);
});

test('fetching a Hub data set while offline says so and keeps the current problems', async ({ headlab, page }) => {
  await page.route('https://datasets-server.huggingface.co/**', (route) => route.abort('internetdisconnected'));
  await headlab.open();
  await headlab.waitForModel();
  await page.getByRole('button', { name: 'First 10 of GSM8K test from the Hub' }).click();
  await expect(page.getByRole('region', { name: 'Compare on a problem set' }).getByRole('alert')).toContainText(
    'Could not reach the Hugging Face datasets server for openai/gsm8k',
  );
  await expect(page.getByTestId('problem-source')).toHaveText('Using 10 synthetic problems (seed 7, mixed levels).');
});
