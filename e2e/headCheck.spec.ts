/**
 * "Verify head masking" in the model panel: the proof runs in the worker on
 * the loaded model (the bundled one, and a reduced Qwen2.5-0.5B-shaped
 * q4f16 stand-in loaded as a Hub repository), every check passes, and the
 * pass is remembered for that model file across a reload.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, serveHubRepo, test } from './fixtures/headlabPage';
import { writeStandin } from '../src/node/standin/writeStandin';
import { reducedShape, STANDIN_SHAPES } from '../src/engine/standin/shapes';

test('Verify head masking passes on the bundled model and is remembered after a reload', async ({ headlab, page }) => {
  await headlab.open();
  await headlab.waitForModel();
  const remembered = page.getByTestId('head-check-remembered');
  await expect(remembered).toHaveText('Head masking not yet verified on this model file.');
  await page.getByRole('button', { name: 'Verify head masking' }).click();
  const results = page.getByTestId('head-check-results');
  await expect(results.locator('caption')).toContainText('Head masking verified');
  await expect(results.locator('tbody tr')).toHaveCount(4);
  await expect(results.locator('tbody tr td:last-child')).toHaveText(['pass', 'pass', 'pass', 'pass']);
  await expect(results.locator('tbody tr').nth(1)).toContainText('layer 0 head 0: mask vs o_proj input rows zeroed in the weights');
  await expect(remembered).toContainText('Head masking verified on this model file (fp32)');
  await page.reload();
  await headlab.waitForModel();
  await expect(remembered).toContainText('Head masking verified on this model file (fp32)');
  expect(headlab.consoleErrors).toEqual([]);
});

test('a Qwen2.5-shaped q4f16 stand-in (float16 cache, MatMulNBits) answers and verifies head masking', async ({ headlab, page }, info) => {
  test.skip(info.project.name !== 'wasm', 'SwiftShader has no shader-f16, so WebGPU would load other weights');
  const dir = mkdtempSync(join(tmpdir(), 'headlab-e2e-standin-'));
  try {
    writeStandin(dir, reducedShape(STANDIN_SHAPES['qwen2.5-0.5b'], { layers: 2, vocab: 1024 }), 'q4f16', 5);
    await serveHubRepo(page, 'standin/qwen2.5-0.5b', dir);
    await headlab.open('hub=standin/qwen2.5-0.5b&dtype=q4f16');
    await expect(page.getByTestId('model-name')).toHaveText('standin/qwen2.5-0.5b');
    await expect(page.getByTestId('model-grid')).toHaveText('2 layers × 14 heads');
    // 4-bit weights on WASM: the model panel says they are slow there and what to load instead.
    await expect(page.getByTestId('backend-reason')).toContainText('q4f16 (4-bit) weights run slowly on WASM');
    await expect(page.getByTestId('backend-reason')).toContainText('load fp32 weights if they fit in 4 GB, or use a WebGPU adapter');
    await headlab.ask('What is 2 plus 3?');
    await expect(page.getByTestId('final-answer')).toBeVisible();
    expect(((await page.getByTestId('answer-text').textContent()) ?? '').length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Verify head masking' }).click();
    const results = page.getByTestId('head-check-results');
    await expect(results.locator('caption')).toContainText('Head masking verified');
    await expect(results.locator('tbody tr td:last-child')).toHaveText(['pass', 'pass', 'pass', 'pass']);
    await expect(page.getByTestId('head-check-remembered')).toContainText('(q4f16)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
