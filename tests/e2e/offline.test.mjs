// With the server gone, hung or slow, a screen that has seen the app keeps showing the last
// content it saw, at once, and takes the server's newer content when it comes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { launchBrowser, openPage, waitForContent } from './support/browser.mjs';
import { renameActivity } from './support/database.mjs';
import { startServer } from './support/server.mjs';
import { openControlledKiosk } from './support/service_worker.mjs';

test('a family\'s page seen stays available when the server is down, and says from when', async () => {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const menus = await server.api('/api/v1/menus');
    const dish = menus.items[0].meals[0].main.name.fr;
    const { page, context } = await openPage(browser, { serviceWorkers: 'allow' });
    await page.goto(`${server.url}/menus`);
    await waitForContent(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    // Once the worker controls the page, a reload passes through it and is kept.
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.getByText(dish, { exact: true }).first().waitFor();

    await server.stop();
    await page.reload();
    await waitForContent(page);
    await page.getByText(dish, { exact: true }).first().waitFor();
    assert.equal(await page.getByRole('alert').count(), 0, 'no error: the last content stands');
    // Its island finds the server gone, and dates the page by when the server made it.
    const notice = page.locator('.stale');
    await notice.waitFor();
    // Made a moment ago: this minute, or the one before if it has just turned.
    const minutes = await page.evaluate(() => [0, 60e3].map((ago) => new Intl.DateTimeFormat('fr-CH', { timeZone: 'Europe/Zurich', hour: '2-digit', minute: '2-digit' }).format(new Date(Date.now() - ago))));
    const said = await notice.innerText();
    assert.match(said, /^Dernière mise à jour\s: \d\d:\d\d$/);
    assert.ok(minutes.some((minute) => said.endsWith(minute)), `${said}, made at ${minutes.join(' or ')}`);
    await context.close();
  } finally {
    await browser.close();
    await server.stop().catch(() => {});
  }
});

test('a server that accepts but never answers: the kiosk reloads and shows its last content within seconds', async (t) => {
  const server = await startServer({ at: '10:00' });
  const browser = await launchBrowser();
  const held = [];
  const hung = createServer((socket) => held.push(socket));
  try {
    const { page, context } = await openControlledKiosk(browser, server);
    // What the home shows (the activities on now and next): the same after the reload.
    const shown = (await page.locator('li.activity h3.title').first().innerText()).trim();
    await server.stop();
    await new Promise((resolve) => hung.listen(server.port, '127.0.0.1', resolve));

    const started = Date.now();
    await page.reload({ waitUntil: 'commit' });
    await page.getByText(shown, { exact: true }).first().waitFor({ timeout: 15_000 });
    t.diagnostic(`last content shown ${Date.now() - started} ms after the reload, from a hung server`);
    assert.equal(await page.getByRole('alert').count(), 0, 'no error: the last content stands');
    await context.close();
  } finally {
    held.forEach((socket) => socket.destroy());
    hung.close();
    await browser.close();
    await server.stop().catch(() => {});
  }
});

test('a slow answer: the copy is shown first, then the server\'s newer content without a reload', async () => {
  const server = await startServer({ at: '10:00' });
  const browser = await launchBrowser();
  try {
    const today = await server.api('/api/v1/today');
    const { page, context } = await openControlledKiosk(browser, server);
    const shown = (await page.locator('li.activity h3.title').first().innerText()).trim();
    const activity = today.activities.find((o) => o.title.fr === shown);
    // The reload's requests are slow (the shell's preload and the app's own); once they have
    // answered, the fetch that the late answer prompts is not held again (on a busy machine the
    // two delays in a row outran the wait below).
    let slow = true;
    await context.route('**/api/v1/today*', async (route) => {
      if (slow) {
        await new Promise((resolve) => setTimeout(resolve, 6000));
        slow = false;
      }
      await route.continue();
    });
    renameActivity(server.database, activity.activity_id, 'Fondue du personnel');
    await page.reload();
    await page.getByText(shown, { exact: true }).first().waitFor({ timeout: 10_000 });
    assert.equal(await page.getByText('Fondue du personnel').count(), 0, 'the copy came first, before the slow answer');
    await page.getByText('Fondue du personnel').first().waitFor({ timeout: 15_000 });
    await context.close();
  } finally {
    await browser.close();
    await server.stop().catch(() => {});
  }
});
