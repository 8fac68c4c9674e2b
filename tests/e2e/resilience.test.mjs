// When the server cannot be reached, the kiosk says so in the reader's language and recovers
// with one tap once it is back; once it has shown content, bad data never blanks it. (A family's
// page arrives whole from the server, or from the service worker's copy: offline.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, waitForContent } from './support/browser.mjs';
import { openKiosk } from './support/kiosk.mjs';
import { renameActivity } from './support/database.mjs';
import { useApp } from './support/app.mjs';

const app = useApp({ at: '10:00' });

test('an unreachable server is explained, and "try again" recovers', async () => {
  const { page, context, problems } = await openKiosk(app, undefined, { lang: 'de' });
  await context.route('**/api/v1/today**', (route) => route.abort('connectionrefused'));
  await page.goto(`${app.server.url}/kiosk/today`);
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
  const { page, context } = await openKiosk(app);
  await context.route('**/api/v1/menus**', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"range": 12' }));
  await page.goto(`${app.server.url}/kiosk/menus`);
  await page.getByRole('alert').getByText('La réponse du serveur est illisible.').waitFor();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await context.close();
});

test('an unreadable answer after good content leaves the good content on screen', async () => {
  const today = await app.server.api('/api/v1/today');
  const dish = today.menu.meals[0].main.name.fr;
  const { page, context, problems } = await openKiosk(app);
  const streamOpen = page.waitForResponse('**/api/v1/events');
  await page.goto(`${app.server.url}/kiosk/menus`);
  await waitForContent(page);
  await streamOpen;

  await context.route('**/api/v1/menus**', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"range": {"from": "2026-' }));
  renameActivity(app.server.database, 1, 'Gym du matin');
  await page.getByText('Affichage du dernier contenu reçu.').waitFor();
  await page.getByText(dish, { exact: true }).first().waitFor();
  assert.equal(await page.getByRole('alert').count(), 0, 'no error box over good content');
  assert.ok(problems.some((p) => p.includes('/api/v1/menus')), 'the failure is logged');
  await context.close();
});

test('leaving a page before its content arrives is not an error', async () => {
  const { page, context, problems } = await openKiosk(app);
  // The programmes answer late; the resident goes on to the menus before it comes.
  let answered;
  const late = new Promise((resolve) => { answered = resolve; });
  await page.route('**/api/v1/programmes', async (route) => {
    await late;
    await route.continue().catch(() => {});
  });
  const asked = page.waitForRequest('**/api/v1/programmes');
  await page.locator('.main-nav a[href="/kiosk/programmes"]').click();
  await asked;
  const dropped = page.waitForEvent('requestfailed', (r) => r.url().includes('/api/v1/programmes'));
  await page.locator('.main-nav a[href="/kiosk/menus"]').click();
  await page.waitForURL('**/kiosk/menus');
  await waitForContent(page);
  assert.equal((await dropped).failure().errorText, 'net::ERR_ABORTED', 'the request is dropped with its page');
  answered();
  assertNoProblems(problems);
  await context.close();
});
