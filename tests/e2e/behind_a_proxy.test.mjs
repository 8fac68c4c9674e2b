// The product as a residence runs it: the server behind a real nginx with TLS, started with
// --public-url and --trusted-proxy as docs/deploy.md says. Staff log in and save through it (and
// a conflict is still a conflict), an open kiosk hears of a change within 5 s over the event
// stream through the proxy, a guesser at one address does not stop a colleague at another, and
// an address made up by a client talking to the server directly is not believed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpsRequest } from 'node:https';
import { request as httpRequest } from 'node:http';
import { KIOSK, assertNoProblems, launchBrowser, openPage, waitForContent } from './support/browser.mjs';
import { openEditor, save } from './support/editor.mjs';
import { renameActivity } from './support/database.mjs';
import { freePort, startProxy } from './support/proxy.mjs';
import { startServer } from './support/server.mjs';
import { STAFF } from './support/editor.mjs';

const app = {};
before(async () => {
  const port = await freePort();
  app.server = await startServer({ args: ['--public-url', `https://127.0.0.1:${port}`, '--trusted-proxy', '127.0.0.1'] });
  app.proxy = await startProxy(new URL(app.server.url).host, port);
  app.browser = await launchBrowser({ args: ['--ignore-certificate-errors'] });
});
after(async () => {
  await app.browser?.close();
  await app.proxy?.stop();
  await app.server?.stop();
});

/** A login sent from the local address `from` to `url` (the proxy or the server). */
function logIn(url, from, password, headers = {}) {
  const target = new URL('/api/v1/session', url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const body = JSON.stringify({ login: STAFF.login, password });
  return new Promise((resolve, reject) => {
    const req = send(target, { method: 'POST', localAddress: from, rejectUnauthorized: false, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('staff log in and save through the proxy, and a conflict is still told', async () => {
  const through = { url: app.proxy.url };
  const first = await openEditor(app.browser, through, 'announcements');
  const second = await openEditor(app.browser, through, 'announcements');
  for (const { page } of [first, second]) await page.getByRole('button', { name: 'Modifier' }).first().click();
  await first.page.getByLabel('Texte (français)').fill('Le coiffeur vient jeudi.');
  await save(first.page);
  await first.page.locator('.status.saved').waitFor();
  await second.page.getByLabel('Texte (français)').fill('Le coiffeur vient vendredi.');
  await save(second.page);
  await second.page.locator('.status.conflict').waitFor();
  assertNoProblems(first.problems);
  assert.deepEqual(second.problems, ['console error: Failed to load resource: the server responded with a status of 412 (Precondition Failed)']);
  await first.context.close();
  await second.context.close();
});

test('a kiosk loaded through the proxy shows a change within 5 s', async () => {
  const today = await app.server.api('/api/v1/today');
  const first = today.activities[0];
  const { page, context, problems } = await openPage(app.browser, { device: KIOSK });
  // The change is heard on the event stream: it must be open through the proxy first.
  const streamOpen = page.waitForResponse('**/api/v1/events');
  await page.goto(`${app.proxy.url}/`);
  await waitForContent(page);
  await page.getByText(first.title.fr).first().waitFor({ state: 'attached' });
  await streamOpen;
  renameActivity(app.server.database, first.activity_id, 'Loto à travers le proxy');
  await page.getByText('Loto à travers le proxy').first().waitFor({ state: 'attached', timeout: 5000 });
  assertNoProblems(problems);
  await context.close();
});

test('wrong logins at one address behind the proxy do not stop a login from another', async () => {
  for (let n = 0; n < 5; n += 1) assert.equal(await logIn(app.proxy.url, '127.0.0.2', 'not the password'), 401);
  assert.equal(await logIn(app.proxy.url, '127.0.0.2', 'not the password'), 429, 'the guesser is held back');
  assert.equal(await logIn(app.proxy.url, '127.0.0.3', STAFF.password), 200, 'a colleague logs in during the attack');
});

test('an address made up by a client talking to the server directly is not believed', async () => {
  for (let n = 0; n < 5; n += 1) {
    assert.equal(await logIn(app.server.url, '127.0.0.4', 'not the password', { 'x-forwarded-for': `198.51.100.${n}` }), 401);
  }
  assert.equal(await logIn(app.server.url, '127.0.0.4', 'not the password', { 'x-forwarded-for': '198.51.100.77' }), 429);
});
