// A kiosk as a lobby PC has it from its second load on: its service worker answers and keeps copies.
import { KIOSK, openPage, waitForContent } from './browser.mjs';

export async function openControlledKiosk(browser, server) {
  const opened = await openPage(browser, { device: KIOSK, serviceWorkers: 'allow' });
  await opened.page.goto(`${server.url}/kiosk`);
  await opened.page.evaluate(() => navigator.serviceWorker.ready);
  await opened.page.reload();
  await opened.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await waitForContent(opened.page);
  return opened;
}
