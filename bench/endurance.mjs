// 72 hours of kiosk life in Chromium, on a fast clock (Playwright's clock drives the page's
// timers): every simulated 10 minutes a resident taps a tile and the kiosk goes home by itself
// after its idle minute, the highlights turn every 10 s, and the staff change an activity (the
// server tells the kiosk, which fetches the day again); the days roll over at midnight and the
// night clock comes and goes. Every simulated hour, after a garbage collection: JS heap, DOM
// nodes, event listeners and wasm memory. Growth is measured from the end of the warm-up.
// Usage: node bench/endurance.mjs [hours]   (starts its own server)
import { KIOSK, launchBrowser, openPage, waitForContent } from '../tests/e2e/support/browser.mjs';
import { sierreInstant, zurichWallClock } from '../tests/e2e/support/calendar.mjs';
import { renameActivity } from '../tests/e2e/support/database.mjs';
import { startServer } from '../tests/e2e/support/server.mjs';

const STEP_MINUTES = 10;
const WARM_UP_HOURS = 6;

export async function enduranceFigures(hours = 72) {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const { page, context, problems } = await openPage(browser, { device: { ...KIOSK, hasTouch: true } });
    // Trunk's loader announces the started module: its memory is the wasm's linear memory.
    await context.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.wasmMemory = e.detail.wasm.memory; }));
    const cdp = await context.newCDPSession(page);
    const today = await server.api('/api/v1/today');
    const activityId = today.activities[0]?.activity_id ?? 1;
    await page.clock.install({ time: sierreInstant(`${zurichWallClock(new Date()).slice(0, 10)}T08:00`) });
    await page.goto(`${server.url}/kiosk`);
    await waitForContent(page);
    await page.evaluate(() => { window.notReloaded = true; });

    const sample = async (hour) => {
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const dom = await cdp.send('Memory.getDOMCounters');
      const wasm = await page.evaluate(() => window.wasmMemory.buffer.byteLength);
      return { hour, heap: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners, wasm };
    };
    const samples = [await sample(0)];
    const tiles = page.locator('.main-nav a');
    const tileCount = await tiles.count();
    const steps = (hours * 60) / STEP_MINUTES;
    for (let step = 1; step <= steps; step += 1) {
      // A resident taps a tile, unless the night clock rests on the screen (it wakes on a tap).
      const night = page.locator('.night');
      if (await night.isVisible()) await night.tap();
      await tiles.nth(1 + (step % (tileCount - 1))).tap();
      await waitForContent(page);
      // Ten minutes pass: the kiosk goes home after its idle minute, highlights turn.
      await page.clock.runFor(STEP_MINUTES * 60 * 1000);
      // The staff change an activity; the kiosk hears of it and fetches the day again.
      const refetched = page.waitForResponse((r) => r.url().includes('/api/v1/today'), { timeout: 10000 });
      renameActivity(server.database, activityId, `Loto n° ${step}`);
      await refetched;
      if ((step * STEP_MINUTES) % 60 === 0) {
        samples.push(await sample((step * STEP_MINUTES) / 60));
        const s = samples.at(-1);
        process.stderr.write(`hour ${s.hour}: heap ${s.heap} B, ${s.nodes} nodes, ${s.listeners} listeners, wasm ${s.wasm} B\n`);
      }
    }
    const reloaded = !(await page.evaluate(() => window.notReloaded === true));
    const onKioskHome = new URL(page.url()).pathname === '/kiosk';
    await context.close();
    const warm = samples.find((s) => s.hour === WARM_UP_HOURS) ?? samples[0];
    const last = samples.at(-1);
    const growth = (key) => ((last[key] - warm[key]) / warm[key]) * 100;
    return {
      hours, warm, last, reloaded, onKioskHome, errors: problems,
      growth: { heap: growth('heap'), nodes: growth('nodes'), listeners: growth('listeners'), wasm: growth('wasm') },
      peak: { heap: Math.max(...samples.map((s) => s.heap)), nodes: Math.max(...samples.map((s) => s.nodes)) },
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

export function printEndurance(e) {
  const mb = (bytes) => `${(bytes / 1048576).toFixed(2)} MB`;
  console.log(`${`Endurance, ${e.hours} simulated hours`.padEnd(26)} ${`after ${WARM_UP_HOURS} h`.padStart(12)} ${'at the end'.padStart(12)} ${'growth'.padStart(8)}   target ≤5%`);
  const row = (label, key, format) => console.log(`${`  ${label}`.padEnd(26)} ${format(e.warm[key]).padStart(12)} ${format(e.last[key]).padStart(12)} ${`${e.growth[key].toFixed(1)}%`.padStart(8)}`);
  row('JS heap', 'heap', mb);
  row('DOM nodes', 'nodes', String);
  row('event listeners', 'listeners', String);
  row('wasm memory', 'wasm', mb);
  console.log(`  reloaded: ${e.reloaded ? 'YES' : 'no'}; errors: ${e.errors.length ? e.errors.join('; ') : 'none'}; back on the kiosk home: ${e.onKioskHome ? 'yes' : 'NO'}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printEndurance(await enduranceFigures(Number(process.argv[2] ?? 72)));
}
