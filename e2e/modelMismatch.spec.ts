/**
 * A model whose files disagree (tokenizer ids past config.json's
 * vocab_size), loaded as a Hub repository: the model panel names the file
 * and the limit, and the bundled model stays loaded and answers.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, serveHubRepo, test } from './fixtures/headlabPage';
import { writeStandin } from '../src/node/standin/writeStandin';
import { reducedShape, STANDIN_SHAPES } from '../src/engine/standin/shapes';
import { syntheticProblem } from '../src/engine/problems/synthetic';
import { HELD_OUT_SEED } from '../src/engine/problems/splits';
import { PINNED_ANSWERS } from '../src/engine/model/bundledModelPins';

test('a tokenizer larger than config.json vocab_size is named, and the bundled model keeps answering', async ({ headlab, page }, info) => {
  test.skip(info.project.name !== 'wasm', 'the message comes before any backend runs');
  const dir = mkdtempSync(join(tmpdir(), 'headlab-e2e-mismatch-'));
  try {
    writeStandin(dir, reducedShape(STANDIN_SHAPES['smollm2-135m'], { layers: 1, vocab: 1024 }), 'fp32', 1);
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...config, vocab_size: 512 }));
    await serveHubRepo(page, 'standin/mismatch', dir);
    await headlab.open();
    await headlab.waitForModel();
    await page.getByRole('combobox', { name: 'Hub model id' }).fill('standin/mismatch');
    await page.getByRole('button', { name: 'Load from Hub' }).click();
    await expect(headlab.modelAlert).toContainText("tokenizer.json: it has token ids up to 1023, but config.json's vocab_size is 512");
    await expect(page.getByTestId('model-name')).toHaveText('headlab-math-6x8');
    await headlab.ask(syntheticProblem(HELD_OUT_SEED, 0).question);
    expect(await headlab.answer()).toBe(PINNED_ANSWERS[0]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
