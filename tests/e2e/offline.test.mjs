// With the server gone, a phone that has seen the app keeps showing the last content it saw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, waitForContent } from './support/browser.mjs';
import { startServer } from './support/server.mjs';

test('the last content seen stays available when the server is down', async () => {
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
    await context.close();
  } finally {
    await browser.close();
    await server.stop().catch(() => {});
  }
});
