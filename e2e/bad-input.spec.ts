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
