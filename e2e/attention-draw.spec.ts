/**
 * 300 tokens stay readable: the maps (before, after, difference) and the
 * layer's small multiples draw them, the keyboard walks the rows, and the
 * cell size changes. The bundled model reads at most 256 tokens, so the view
 * is a seeded synthetic one put on screen through `?bench`
 * (src/features/attention/attentionBench.ts). How long the drawing takes is
 * measured in bench/attentionDraw.ts, not here.
 */
import { expect, test } from './fixtures/headlabPage';

test('300 tokens draw in the head view and the layer view, and the keyboard walks them', async ({ headlab, page }, info) => {
  test.skip(info.project.name !== 'wasm', 'drawing is canvas 2D work in the page, the same on either backend');
  await headlab.open('bench');
  await headlab.waitForModel();
  await page.evaluate(() => (window as unknown as { headlabAttention: { prepare(n: number): void } }).headlabAttention.prepare(300));
  await page.evaluate(() => (window as unknown as { headlabAttention: { show(): void } }).headlabAttention.show());
  const panel = page.getByRole('region', { name: 'Attention patterns' });
  await expect(panel.getByTestId('attention-difference')).toBeVisible();
  await expect(panel.getByTestId('attention-before')).toHaveAttribute('aria-label', /300 by 300 cells/);
  const map = panel.getByTestId('attention-before');
  await map.focus();
  for (let i = 0; i < 20; i++) await map.press('ArrowDown');
  await expect(panel.getByTestId('attention-readout')).toContainText('(row 20)');
  await panel.getByLabel('Cell size').selectOption('8');
  await panel.getByRole('button', { name: 'Every head of the layer' }).click();
  await expect(panel.getByTestId('attention-layer-after').getByRole('button')).toHaveCount(8);
});
