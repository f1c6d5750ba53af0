/**
 * The page runs under the Content-Security-Policy the preview server sends
 * (issue 21, item 15): loading, answering, a comparison, SPRINT's ranking,
 * attention maps and the exports report no violation, and model files go
 * out as binary with nosniff.
 */
import { expect, test } from './fixtures/headlabPage';

test.beforeEach(({}, info) => {
  test.skip(info.project.name !== 'wasm', 'the policy is the same on either backend');
});

test('the app works under its CSP with no violation reported, and the headers are sent', async ({ headlab, page, request }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto('/?seed=7&count=3');
  const csp = response!.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain("'unsafe-eval' ");
  expect(response!.headers()['x-content-type-options']).toBe('nosniff');
  await headlab.waitForModel();
  await headlab.ask('Mia has 5 apples. Mia buys 3 more apples. How many apples does Mia have now?');
  await headlab.answer();
  await page.getByRole('button', { name: 'Run comparison' }).click();
  await expect(page.getByTestId('run-summary')).toBeVisible({ timeout: 60_000 });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export charts as PNG' }).click();
  await download;
  await page.getByRole('region', { name: 'Start here' }).getByRole('button', { name: 'SPRINT demo: rank heads for a sample question' }).click();
  await expect(page.getByRole('table', { name: "SPRINT's picks for the question" })).toBeVisible();
  await page.getByRole('button', { name: 'Inspect heads' }).click();
  await page.locator('[data-cell="0.2"]').click();
  await expect(page.getByRole('region', { name: 'Attention patterns' }).getByTestId('attention-before')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  expect(headlab.consoleErrors).toEqual([]);

  const model = await request.get('/models/headlab-mix-6x8/onnx/model.onnx');
  expect(model.headers()['content-type']).toBe('application/octet-stream');
});
