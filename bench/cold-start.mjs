// Cold start of the kiosk: the time from navigation to today's content on screen, from an empty
// browser cache, and from the service worker's cache with the server down (a restart of the
// kiosk's PC while the server is away). Median of 5 of each (1 with BENCH_QUICK); each in a fresh browser profile.
// Usage: node bench/cold-start.mjs   (starts its own server: it stops it on purpose)
import { KIOSK, launchBrowser, openPage } from '../tests/e2e/support/browser.mjs';
import { startServer } from '../tests/e2e/support/server.mjs';

const RUNS = process.env.BENCH_QUICK ? 1 : 5;
/** Today's content on the kiosk's home: its panels, drawn once the day's answer has come. */
const TODAY_SHOWN = '.kiosk-home .kiosk-panels';
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Opens the kiosk and returns the ms from navigation start to the day's panels shown. */
async function timeToToday(page, url) {
  await page.goto(`${url}/kiosk?hours=00:00-23:59`, { waitUntil: 'commit' });
  const shownAt = await page.waitForFunction((selector) => document.querySelector(selector) && performance.now(), TODAY_SHOWN, { polling: 'raf', timeout: 30000 });
  return shownAt.jsonValue();
}

export async function coldStartFigures() {
  const browser = await launchBrowser();
  const emptyCache = [];
  const serverDown = [];
  let server = await startServer();
  try {
    for (let run = 0; run < RUNS; run += 1) {
      const { context, page } = await openPage(browser, { device: KIOSK, serviceWorkers: 'allow' });
      emptyCache.push(await timeToToday(page, server.url));
      // The worker installs, takes control, and keeps the shell and the day's answer.
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.reload();
      await page.waitForFunction((selector) => navigator.serviceWorker.controller && document.querySelector(selector), TODAY_SHOWN);
      const { url, port, dataDir } = server;
      await server.stop({ keepData: true });
      const again = await context.newPage();
      serverDown.push(await timeToToday(again, url));
      await context.close();
      server = await startServer({ dataDir, port });
    }
  } finally {
    await server.stop();
    await browser.close();
  }
  return { emptyCache: median(emptyCache), serverDown: median(serverDown) };
}

export function printColdStart({ emptyCache, serverDown }) {
  console.log(`${`Cold start to today's content, median of ${RUNS}`.padEnd(44)} ${'ms'.padStart(7)}`);
  console.log(`${'  empty browser cache'.padEnd(44)} ${emptyCache.toFixed(0).padStart(7)}`);
  console.log(`${'  service worker cache, server down'.padEnd(44)} ${serverDown.toFixed(0).padStart(7)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printColdStart(await coldStartFigures());
}
