// 72 hours of kiosk life in Chromium, on a fast clock (Playwright's clock drives the page's
// timers): every simulated 10 minutes a resident taps a tile and the kiosk goes home by itself
// after its idle minute, the highlights turn every 10 s, and the staff change an activity (the
// server tells the kiosk, which fetches the day again); the days roll over at midnight and the
// night clock comes and goes. Every simulated hour, after a garbage collection: JS heap, DOM
// nodes, event listeners and wasm memory. The heap and the wasm memory are compared with
// themselves at the end of the warm-up; the DOM, which follows each day's content, with the same
// screen opened fresh at the end.
// Usage: node bench/endurance.mjs [hours]   (starts its own server)
import { KIOSK, launchBrowser, openPage, waitForContent } from '../tests/e2e/support/browser.mjs';
import { sierreInstant, zurichWallClock } from '../tests/e2e/support/calendar.mjs';
import { installClock } from '../tests/e2e/support/clock.mjs';
import { renameActivity } from '../tests/e2e/support/database.mjs';
import { startServer } from '../tests/e2e/support/server.mjs';

const STEP_MINUTES = 10;
const WARM_UP_HOURS = 6;

/** The DOM counters after a garbage collection, once the page has finished redrawing: read
 * until two reads 100 ms apart agree. Sampled while the day's new content is still being drawn,
 * the old screen and the new one are both counted. */
async function settledDom(cdp) {
  let previous = null;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    await cdp.send('HeapProfiler.collectGarbage');
    const dom = await cdp.send('Memory.getDOMCounters');
    if (previous && dom.nodes === previous.nodes && dom.jsEventListeners === previous.jsEventListeners) return dom;
    previous = dom;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return previous;
}

/** What the browser keeps for itself in the page's heap, whatever the page does: DevTools'
 * copies of network answers (Playwright listens to the network), the performance timeline's
 * entries (resource timings, paints, soft navigations), and compiled code. */
const BROWSER_RECORDS = /^(blink::|Performance|LargestContentfulPaint|InteractionContentfulPaint|system \/ CppGCManaged)/;

/** The JS heap from a heap snapshot, split into the page's own objects and the browser's (the
 * wasm's linear memory, sampled on its own, in neither). */
async function heapComposition(cdp) {
  const chunks = [];
  const onChunk = (event) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const { snapshot: { meta }, nodes, strings } = JSON.parse(chunks.join(''));
  const width = meta.node_fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((field) => meta.node_fields.indexOf(field));
  let own = 0;
  let browser = 0;
  for (let i = 0; i < nodes.length; i += width) {
    const type = meta.node_types[0][nodes[i + typeAt]];
    const name = strings[nodes[i + nameAt]];
    if (type === 'code' || (type === 'native' && BROWSER_RECORDS.test(name))) browser += nodes[i + sizeAt];
    else if (name !== 'system / JSArrayBufferData') own += nodes[i + sizeAt];
  }
  return { own, browser };
}

/** A kiosk page whose clock starts at `time`, with a way to sample its memory after a garbage
 * collection: JS heap, DOM nodes, event listeners and the wasm's linear memory. */
async function openKiosk(browser, server, time, { serviceWorker = false } = {}) {
  const opened = await openPage(browser, { device: { ...KIOSK, hasTouch: true }, serviceWorkers: serviceWorker ? 'allow' : 'block' });
  const { page, context } = opened;
  // Trunk's loader announces the started module: its memory is the wasm's linear memory.
  await context.addInitScript(() => addEventListener('TrunkApplicationStarted', (e) => { window.wasmMemory = e.detail.wasm.memory; }));
  const cdp = await context.newCDPSession(page);
  await installClock(page, { time });
  await page.goto(`${server.url}/kiosk`);
  if (serviceWorker) {
    // As on a lobby PC: from the second load on, the service worker answers and keeps copies.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }
  await waitForContent(page);
  // `composition`: also split the heap into the page's own objects and the browser's (a heap
  // snapshot: a second or two, so only where the figures are compared).
  const sample = async (hour, { composition = false } = {}) => {
    const dom = await settledDom(cdp);
    const heap = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.wasmMemory.buffer.byteLength);
    const split = composition ? await heapComposition(cdp) : {};
    return { hour, heap: heap.usedSize, ownHeap: split.own, browserHeap: split.browser, nodes: dom.nodes, listeners: dom.jsEventListeners, wasm };
  };
  return { ...opened, sample };
}

export async function enduranceFigures(hours = 72) {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const today = await server.api('/api/v1/today');
    const activityId = today.activities[0]?.activity_id ?? 1;
    const start = sierreInstant(`${zurichWallClock(new Date()).slice(0, 10)}T08:00`);
    const { page, context, problems, sample } = await openKiosk(browser, server, start, { serviceWorker: true });
    await page.evaluate(() => { window.notReloaded = true; });

    // A run shorter than the warm-up (bench/all --quick) is compared with its start.
    const samples = [await sample(0, { composition: hours <= WARM_UP_HOURS })];
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
        const hour = (step * STEP_MINUTES) / 60;
        samples.push(await sample(hour, { composition: hour === WARM_UP_HOURS || step === steps }));
        const s = samples.at(-1);
        process.stderr.write(`hour ${s.hour}: heap ${s.heap} B, ${s.nodes} nodes, ${s.listeners} listeners, wasm ${s.wasm} B\n`);
      }
    }
    const reloaded = !(await page.evaluate(() => window.notReloaded === true));
    const onKioskHome = new URL(page.url()).pathname === '/kiosk';
    const end = await page.evaluate(() => Date.now());
    // What the service worker keeps after all those days and weeks asked: bounded, not growing.
    const cacheStorage = await page.evaluate(async () => {
      const kept = {};
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        let bytes = 0;
        const requests = await cache.keys();
        for (const request of requests) bytes += (await (await cache.match(request)).arrayBuffer()).byteLength;
        kept[name] = { entries: requests.length, bytes };
      }
      return kept;
    });
    await context.close();
    // The same screen freshly opened at the same moment, with the same content: what the page
    // holds after 72 hours is compared with it (the DOM follows each day's content).
    const fresh = await openKiosk(browser, server, new Date(end));
    await fresh.page.clock.runFor(2 * 60 * 1000);
    const freshSample = await fresh.sample(hours);
    await fresh.context.close();
    const warm = samples.find((s) => s.hour === WARM_UP_HOURS) ?? samples[0];
    const last = samples.at(-1);
    const growth = (from, key) => ((last[key] - from[key]) / from[key]) * 100;
    return {
      hours, warm, last, fresh: freshSample, reloaded, onKioskHome, errors: problems, cacheStorage,
      growth: { heap: growth(warm, 'heap'), wasm: growth(warm, 'wasm'), nodes: growth(freshSample, 'nodes'), listeners: growth(freshSample, 'listeners') },
      steps,
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

export function printEndurance(e) {
  const mb = (bytes) => `${(bytes / 1048576).toFixed(2)} MB`;
  console.log(`${`Endurance, ${e.hours} simulated hours`.padEnd(30)} ${'reference'.padStart(12)} ${'at the end'.padStart(12)} ${'growth'.padStart(8)}   target ≤5%`);
  const row = (label, key, from, format) => console.log(`${`  ${label}`.padEnd(30)} ${format(from[key]).padStart(12)} ${format(e.last[key]).padStart(12)} ${`${e.growth[key].toFixed(1)}%`.padStart(8)}`);
  console.log(e.warm.hour ? `  against itself after the ${e.warm.hour} h warm-up:` : '  against itself at the start (a run shorter than the warm-up):');
  row('JS heap', 'heap', e.warm, mb);
  const kb = (key) => {
    const grown = e.last[key] - e.warm[key];
    return `${grown >= 0 ? '+' : ''}${(grown / 1024).toFixed(0)} KB (${((grown / e.warm[key]) * 100).toFixed(1)}%)`;
  };
  console.log(`    where it grew (heap snapshots): the browser's records and compiled code ${kb('browserHeap')}, the page's own objects ${kb('ownHeap')}`);
  row('wasm memory', 'wasm', e.warm, mb);
  console.log('  against the same screen freshly opened at the end:');
  row('DOM nodes', 'nodes', e.fresh, String);
  row('event listeners', 'listeners', e.fresh, String);
  const kept = Object.entries(e.cacheStorage).map(([name, c]) => `${name} ${c.entries} entries, ${(c.bytes / 1024).toFixed(0)} KB`).join('; ');
  console.log(`  Cache Storage at the end: ${kept || 'empty'} (API answers bounded to 64)`);
  console.log(`  ${e.steps} taps and as many returns home; reloaded: ${e.reloaded ? 'YES' : 'no'}; errors: ${e.errors.length ? e.errors.join('; ') : 'none'}; back on the kiosk home: ${e.onKioskHome ? 'yes' : 'NO'}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printEndurance(await enduranceFigures(Number(process.argv[2] ?? 72)));
}
