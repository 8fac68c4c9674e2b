// A kiosk as a lobby PC has it from its second load on: its service worker answers and keeps copies.
import { KIOSK, openPage, waitForContent } from './browser.mjs';
import { sierreInstant } from './calendar.mjs';
import { installClock } from './clock.mjs';

/** Its clock at 10:00 of the server's today (Sierre time) and running: the home then shows the
 * day's activities on now and next, whatever the hour the tests run at (a server started
 * `at: '10:00'` agrees with it on the day). */
export async function openControlledKiosk(browser, server) {
  const opened = await openPage(browser, { device: KIOSK, serviceWorkers: 'allow' });
  await installClock(opened.page, { time: sierreInstant(`${server.today()}T10:00`) });
  await opened.page.goto(`${server.url}/kiosk`);
  await opened.page.evaluate(() => navigator.serviceWorker.ready);
  await opened.page.reload();
  await opened.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await waitForContent(opened.page);
  return opened;
}
