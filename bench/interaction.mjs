// Tap to next paint on the kiosk's tiles, the CPU slowed four times: each tile of the header
// tapped in turn from the kiosk's home, then the home tile, three rounds. The browser's Event
// Timing API gives each tap's time from the touch to the next frame painted (as INP does); it
// reports taps from 16 ms up, so "≤16" is a faster one. Beside it, for each tile, the time from
// the touch to the new page's heading on screen.
// Usage: node bench/interaction.mjs URL   (a running server with the built app)
import { KIOSK, launchBrowser, openPage, waitForContent } from '../tests/e2e/support/browser.mjs';

const ROUNDS = process.env.BENCH_QUICK ? 1 : 3;

export async function interactionFigures(base) {
  const browser = await launchBrowser();
  try {
    const { page, context, problems } = await openPage(browser, { device: { ...KIOSK, hasTouch: true } });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    // Awake all day, whatever the hour the benchmark runs at.
    await page.goto(`${base}/kiosk?hours=00:00-23:59`);
    await waitForContent(page);
    await page.evaluate(() => {
      window.taps = [];
      addEventListener('pointerdown', (e) => { window.touchedAt = e.timeStamp; }, { capture: true });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (entry.interactionId) window.taps.push(entry.duration);
      }).observe({ type: 'event', durationThreshold: 16 });
    });
    const tiles = page.locator('.main-nav a');
    const labels = await tiles.allInnerTexts();
    const measured = new Map(labels.map((label) => [label, []]));
    const drawn = new Map(labels.map((label) => [label, []]));
    const tap = async (index) => {
      const title = await page.title();
      await tiles.nth(index).tap();
      const shown = await page.waitForFunction((before) => document.title !== before && document.querySelector('main h1') && !document.querySelector('main .loading') && performance.now() - window.touchedAt, title, { polling: 'raf' });
      drawn.get(labels[index]).push(await shown.jsonValue());
      await waitForContent(page);
      // Entries are reported once the frame after the tap is painted.
      await page.waitForTimeout(500);
      const durations = await page.evaluate(() => window.taps.splice(0));
      measured.get(labels[index]).push(Math.max(0, ...durations));
    };
    for (let round = 0; round < ROUNDS; round += 1) {
      for (let index = 1; index < labels.length; index += 1) {
        await tap(index);
        await tap(0);
      }
    }
    if (problems.length) throw new Error(problems.join('\n'));
    await context.close();
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    return labels.map((label) => ({ label, worst: Math.max(...measured.get(label)), drawn: median(drawn.get(label)) }));
  } finally {
    await browser.close();
  }
}

export function printInteraction(rows) {
  console.log(`${'Tap to next paint, CPU 4x slower'.padEnd(40)} ${'worst ms'.padStart(9)} ${'page drawn ms (median)'.padStart(24)}`);
  for (const r of rows) console.log(`${`  tile "${r.label}"`.padEnd(40)} ${(r.worst < 16 ? '≤16' : r.worst.toFixed(0)).padStart(9)} ${r.drawn.toFixed(0).padStart(24)}`);
  const worst = Math.max(...rows.map((r) => r.worst));
  console.log(`${'  worst of all'.padEnd(40)} ${(worst < 16 ? '≤16' : worst.toFixed(0)).padStart(9)}   target ≤100`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printInteraction(await interactionFigures(process.argv[2]));
}
