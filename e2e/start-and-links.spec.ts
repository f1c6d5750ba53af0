/**
 * A place to start, and links that carry the work (issue 20, items 17 to
 * 19 and 21): the start panel's two demos, links that open the sets the app
 * proposes and say what they could not use, the question in the link with a
 * Copy link button, and a teaching demo that offers to put back what it replaced.
 */
import { expect, test } from './fixtures/headlabPage';

test.beforeEach(({}, info) => {
  test.skip(info.project.name !== 'wasm', 'links and panels do not depend on the backend');
});

test('the page starts with what HeadLab is and two demos; the SPRINT demo ranks a sample question at once', async ({ headlab, page }) => {
  await headlab.openDefault();
  await headlab.waitForModel();
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText('Start here');
  const start = page.getByRole('region', { name: 'Start here' });
  await start.getByRole('button', { name: 'SPRINT demo: rank heads for a sample question' }).click();
  await expect(page.getByRole('table', { name: "SPRINT's picks for the question" }).locator('tbody tr')).toHaveCount(9);
  await expect(page.getByRole('textbox', { name: 'Question', exact: true })).toHaveValue(/Mia has 4 jars/);
  await start.getByRole('button', { name: /^Teaching demo: a pruned head turns a wrong answer right \(loads headlab-math-6x8\)$/ }).click();
  await expect(page.getByTestId('model-name')).toHaveText('headlab-math-6x8');
  await expect(page.getByRole('region', { name: 'How this works' }).getByRole('button', { name: '1. Ask with nothing pruned' })).toBeEnabled();
  expect(headlab.consoleErrors).toEqual([]);
});

test("a link opens SPRINT's 600-question set as proposed, and one it cannot use says so", async ({ headlab, page, browser }) => {
  await headlab.open();
  await headlab.waitForModel();
  await page.getByRole('button', { name: 'Load 600 training problems (seed 11)' }).click();
  await expect(page.getByTestId('problem-source')).toHaveText('Using 600 synthetic problems (seed 11, mixed levels).');
  await expect.poll(() => page.url()).toContain('count=600');
  const fresh = await browser.newPage();
  await fresh.goto(page.url());
  await expect(fresh.getByTestId('problem-source')).toHaveText('Using 600 synthetic problems (seed 11, mixed levels).');
  await expect(fresh.getByTestId('link-ignored')).toHaveCount(0);
  await fresh.goto(page.url().replace('count=600', 'count=99999'));
  await expect(fresh.getByTestId('link-ignored')).toContainText('count=99999 is not a whole number from 1 to 2000');
  await fresh.getByTestId('link-ignored').getByRole('button', { name: 'Dismiss' }).click();
  await expect(fresh.getByTestId('link-ignored')).toHaveCount(0);
  await fresh.close();
});

test('the question travels in the link, Copy link copies it, and a question too long for a link is said', async ({ headlab, page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await headlab.open();
  await headlab.waitForModel();
  const question = 'Mia has 12 apples. She gives 5 apples to Tom. How many apples does Mia have now?';
  await page.getByRole('textbox', { name: 'Question', exact: true }).fill(question);
  await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(question);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByTestId('link-copied')).toHaveText('Link copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
  const fresh = await browser.newPage();
  await fresh.goto(copied);
  await expect(fresh.getByRole('textbox', { name: 'Question', exact: true })).toHaveValue(question);
  await fresh.close();

  await page.getByRole('textbox', { name: 'Question', exact: true }).fill('Mia has 3 apples. '.repeat(90));
  await expect(page.getByTestId('link-question-too-long')).toContainText('The question is 1620 characters, more than a link carries (1500)');
  await expect.poll(() => new URL(page.url()).searchParams.has('q')).toBe(false);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByTestId('link-copied')).toHaveText('Link copied, without the question.');
});

test('the teaching demo shows its question, says what it replaced, and puts it back', async ({ headlab, page }) => {
  await headlab.open();
  await headlab.waitForModel();
  await page.getByRole('textbox', { name: 'Question', exact: true }).fill('My own question about pears?');
  await page.getByRole('button', { name: 'layer 2 head 3', exact: true }).click();
  await expect(page.getByTestId('pruned-count')).toHaveText('1');
  const teach = page.getByRole('region', { name: 'How this works' });
  await expect(teach.getByTestId('demo-question')).toContainText('How many');
  await teach.getByRole('button', { name: '2. Ask with layer 1 head 4 pruned' }).click();
  await expect(teach.getByTestId('demo-final')).toHaveText('30');
  await expect(teach.getByTestId('demo-replaced')).toContainText('The demo put its question in the Question box (yours began “My own question about pears?”) and set the grid\'s pruning (you had 2.3 pruned).');
  await teach.getByRole('button', { name: 'Put back your question and pruning' }).click();
  await expect(page.getByRole('textbox', { name: 'Question', exact: true })).toHaveValue('My own question about pears?');
  await expect(page.getByTestId('pruned-count')).toHaveText('1');
  await expect(page.getByRole('button', { name: 'layer 2 head 3', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(teach.getByTestId('demo-replaced')).toHaveCount(0);
});

test('a truncation in the link the page cannot use is said and taken out of the link', async ({ headlab, page }) => {
  await headlab.open('truncate=0.mlp.side:0.5');
  await headlab.waitForModel();
  await expect(page.getByTestId('link-ignored')).toContainText('truncate=0.mlp.side:0.5: truncation "0.mlp.side:0.5"');
  await expect.poll(() => new URL(page.url()).searchParams.has('truncate')).toBe(false);
  await headlab.open('truncate=9.mlp.down:0.1');
  await headlab.waitForModel();
  await expect(page.getByTestId('link-ignored')).toContainText('truncate=9.mlp.down:0.1:');
  await expect(page.getByTestId('link-ignored')).toContainText('layers 0..5');
  await expect.poll(() => new URL(page.url()).searchParams.has('truncate')).toBe(false);
  await expect(page.getByTestId('model-truncation')).toHaveText('none');
});
