// When the server cannot be reached, the page says so in the reader's language and recovers
// with one tap once it is back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, waitForContent } from './support/browser.mjs';
import { useApp } from './support/app.mjs';

const app = useApp();

test('an unreachable server is explained, and "try again" recovers', async () => {
  const { page, context, problems } = await openPage(app.browser, { lang: 'de' });
  await context.route('**/api/v1/today**', (route) => route.abort('connectionrefused'));
  await page.goto(app.server.url);
  const alert = page.getByRole('alert');
  await alert.getByText('Der Server antwortet nicht.', { exact: false }).waitFor();

  await context.unroute('**/api/v1/today**');
  await alert.getByRole('button', { name: 'Erneut versuchen' }).click();
  await waitForContent(page);
  await page.getByRole('heading', { name: 'Aktivitäten heute' }).waitFor();
  assert.equal(await page.getByRole('alert').count(), 0);
  // The failure itself was logged, and nothing else went wrong.
  assert.ok(problems.length > 0 && problems.every((p) => /api\/v1\/today|ERR_CONNECTION_REFUSED|Failed to load resource/.test(p)), problems.join('\n'));
  await context.close();
});

test('an answer that is not the contract\'s JSON is reported, not shown blank', async () => {
  const { page, context } = await openPage(app.browser);
  await context.route('**/api/v1/menus**', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"range": 12' }));
  await page.goto(`${app.server.url}/menus`);
  await page.getByRole('alert').getByText('La réponse du serveur est illisible.').waitFor();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await context.close();
});
