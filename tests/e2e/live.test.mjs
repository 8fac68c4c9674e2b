// An open page follows what is written to the server: within 5 s through the event stream, and
// by polling when the stream is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, openPage, waitForContent } from './support/browser.mjs';
import { renameActivity } from './support/database.mjs';
import { useApp } from './support/app.mjs';

const app = useApp();

test('a change written to the server shows on an open page within 5 s', async (t) => {
  const week = await app.server.api('/api/v1/activities');
  const { page, context, problems } = await openPage(app.browser);
  const streamOpen = page.waitForResponse('**/api/v1/events');
  await page.goto(`${app.server.url}/activities`);
  await waitForContent(page);
  assert.equal((await streamOpen).status(), 200);

  const started = Date.now();
  renameActivity(app.server.database, week.items[0].activity_id, 'Loto géant');
  await page.getByText('Loto géant').first().waitFor({ timeout: 5000 });
  const elapsed = Date.now() - started;
  assert.ok(elapsed < 5000, `shown after ${elapsed} ms`);
  t.diagnostic(`change shown ${elapsed} ms after the write`);
  assert.equal(await page.getByRole('alert').count(), 0);
  assertNoProblems(problems);
  await context.close();
});

test('with the service worker in control, the event stream still brings changes within 5 s', async () => {
  const week = await app.server.api('/api/v1/activities');
  const { page, context, problems } = await openPage(app.browser, { serviceWorkers: 'allow' });
  await page.goto(`${app.server.url}/activities`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const streamOpen = page.waitForResponse('**/api/v1/events');
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await waitForContent(page);
  assert.equal((await streamOpen).status(), 200);

  renameActivity(app.server.database, week.items[1].activity_id, 'Thé dansant');
  await page.getByText('Thé dansant').first().waitFor({ timeout: 5000 });
  assertNoProblems(problems);
  await context.close();
});

test('without the event stream, the page polls and still follows changes', async () => {
  const week = await app.server.api('/api/v1/activities');
  const { page, context } = await openPage(app.browser);
  await context.route('**/api/v1/events', (route) => route.fulfill({ status: 503, body: '' }));
  await page.goto(`${app.server.url}/activities`);
  await waitForContent(page);
  renameActivity(app.server.database, week.items.at(-1).activity_id, 'Chorale invitée');
  await page.getByText('Chorale invitée').first().waitFor({ timeout: 15000 });
  await context.close();
});
