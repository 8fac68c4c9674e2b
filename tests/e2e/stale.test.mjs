// A screen left running while the server is down keeps its content, dates it once it is older
// than 15 minutes, and recovers by itself within a minute of the server coming back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KIOSK, launchBrowser, openPage, waitForContent } from './support/browser.mjs';
import { installClock } from './support/clock.mjs';
import { startServer } from './support/server.mjs';

test('old content is dated while the server is down, and the screen recovers when it returns', async () => {
  let server = await startServer({ at: '10:00' });
  const browser = await launchBrowser();
  try {
    const { page, context } = await openPage(browser, { device: KIOSK });
    await installClock(page, { time: server.now() });
    const streamOpen = page.waitForResponse('**/api/v1/events');
    await page.goto(`${server.url}/kiosk`);
    await waitForContent(page);
    await streamOpen;
    // What the home shows now (an activity on now or next), which it keeps showing.
    const title = (await page.locator('li.activity h3.title').first().innerText()).trim();
    const swissDay = () => page.evaluate(() => new Intl.DateTimeFormat('fr-CH', { timeZone: 'Europe/Zurich', dateStyle: 'short' }).format(new Date()));
    const loadedOn = await swissDay();
    const loadedAt = await page.evaluate(() => new Intl.DateTimeFormat('fr-CH', { timeZone: 'Europe/Zurich', hour: '2-digit', minute: '2-digit' }).format(new Date()));

    await server.stop({ keepData: true });
    await page.clock.fastForward(10 * 60_000);
    assert.equal(await page.locator('.stale').count(), 0, 'ten minutes old is still current enough');
    await page.clock.fastForward(6 * 60_000);
    const notice = page.locator('.stale');
    await notice.waitFor();
    // Loaded late in the evening, the content is from yesterday by now, and the notice says so.
    const dated = loadedOn === (await swissDay()) ? '' : '\\S+ \\S+ \\S+, ';
    assert.match(await notice.innerText(), new RegExp(`Dernière mise à jour\\s: ${dated}${loadedAt}$`));
    await page.getByText(title, { exact: true }).first().waitFor();

    server = await startServer({ dataDir: server.dataDir, port: server.port, clock: server.clock });
    // The longest wait between two reconnection attempts is 30 s.
    await page.clock.fastForward(31_000);
    await notice.waitFor({ state: 'detached', timeout: 15_000 });
    await page.getByText(title, { exact: true }).first().waitFor();
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});
