// Photos: the time and the memory the server takes to make a phone's 12-megapixel photo into its
// sizes (the upload answered, and the server's peak resident memory, VmHWM, beside its memory
// before), median of 3 (1 with BENCH_QUICK); and the bytes a phone downloads for an activity's page
// with three photos, at the pixel densities phones have, beside the three originals' size.
// Usage: node bench/photos.mjs   (starts its own server, the release)
import { readFile } from 'node:fs/promises';
import { launchBrowser, openPage } from '../tests/e2e/support/browser.mjs';
import { zurichWallClock } from '../tests/e2e/support/calendar.mjs';
import { startServer } from '../tests/e2e/support/server.mjs';
import { staffApi } from '../tests/e2e/support/staff.mjs';

const RUNS = process.env.BENCH_QUICK ? 1 : 3;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (bytes) => (bytes / 1e6).toFixed(1);

/** A phone's photo: 4000 x 3000, a sky over a garden of thousands of small leaves and flowers (the
 * detail that is still there at 480 to 1920 px, as in a photo of people in a room) and a sensor's
 * fine noise (which is what makes a camera's JPEG 3 to 6 MB), each one different (`seed`). */
async function twelveMegapixels(page, seed) {
  const url = await page.evaluate(async (s) => {
    const canvas = Object.assign(document.createElement('canvas'), { width: 4000, height: 3000 });
    const g = canvas.getContext('2d');
    const sky = g.createLinearGradient(0, 0, 0, 3000);
    sky.addColorStop(0, `hsl(${200 + s * 7}, 60%, 75%)`);
    sky.addColorStop(1, 'hsl(110, 35%, 30%)');
    g.fillStyle = sky;
    g.fillRect(0, 0, 4000, 3000);
    for (let i = 0; i < 40; i += 1) {
      g.fillStyle = `hsl(${(i * 37 + s * 11) % 360}, 45%, ${30 + (i % 5) * 10}%)`;
      g.fillRect((i * 613) % 3600, 1500 + ((i * 271) % 1300), 300 + (i % 7) * 40, 200 + (i % 3) * 90);
    }
    let leaf = 777 + s;
    const next = () => { leaf = (leaf * 1103515245 + 12345) & 0x7fffffff; return leaf / 0x7fffffff; };
    for (let i = 0; i < 40000; i += 1) {
      g.fillStyle = `hsl(${Math.floor(60 + next() * 100 + (next() < 0.1 ? 180 : 0)) % 360}, ${30 + next() * 50}%, ${15 + next() * 60}%)`;
      g.beginPath();
      g.ellipse(next() * 4000, 1000 + next() * 2000, 4 + next() * 40, 3 + next() * 25, next() * Math.PI, 0, 2 * Math.PI);
      g.fill();
    }
    const pixels = g.getImageData(0, 0, 4000, 3000);
    let state = 12345 + s;
    for (let i = 0; i < pixels.data.length; i += 4) {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      const noise = (state % 17) - 8;
      pixels.data[i] += noise;
      pixels.data[i + 1] += noise;
      pixels.data[i + 2] += noise;
    }
    g.putImageData(pixels, 0, 0);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
    const reader = new FileReader();
    return new Promise((resolve) => { reader.onload = () => resolve(reader.result); reader.readAsDataURL(blob); });
  }, seed);
  return Buffer.from(url.split(',')[1], 'base64');
}

/** The server's resident memory now and at its peak, in bytes. */
async function memory(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))[1]) * 1024;
  return { now: kb('VmRSS'), peak: kb('VmHWM') };
}

/** The bytes of photos a phone of `scale` pixels per CSS pixel downloads for `address`, scrolled
 * to its end, and the page's whole. */
async function downloaded(browser, address, scale) {
  const device = { viewport: { width: 390, height: 844 }, deviceScaleFactor: scale, isMobile: true, hasTouch: true };
  const { page, context } = await openPage(browser, { device });
  await page.goto(address);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForFunction(() => [...document.querySelectorAll('.gallery img')].every((image) => image.complete && image.naturalWidth > 0));
  // The islands load when the browser is first idle: the whole page once nothing more comes.
  await page.waitForLoadState('networkidle');
  const bytes = await page.evaluate(() => {
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
    const sum = (list) => list.reduce((total, entry) => total + entry.transferSize, 0);
    return { photos: sum(entries.filter((entry) => new URL(entry.name).pathname.startsWith('/photos/'))), all: sum(entries) };
  });
  await context.close();
  return bytes;
}

const server = await startServer();
const browser = await launchBrowser();
try {
  const staff = await staffApi(server);
  const { page: canvas, context } = await openPage(browser, { device: { viewport: { width: 800, height: 600 } } });
  const today = zurichWallClock(new Date()).slice(0, 10);
  const { activities } = await server.api('/api/v1/today');
  const owner = `activities/${activities[0].activity_id}/${activities[0].starts_at.slice(0, 10)}`;
  const times = [];
  const peaks = [];
  let before = 0;
  let originals = 0;
  for (let run = 0; run < Math.max(RUNS, 3); run += 1) {
    const photo = await twelveMegapixels(canvas, run);
    originals += photo.length;
    const memoryBefore = await memory(server.pid);
    const started = performance.now();
    await staff.addPhoto(owner, { description: { fr: `Photo ${run + 1} du ${today}` }, consent: 'families' }, photo);
    const took = performance.now() - started;
    if (run < RUNS) {
      times.push(took);
      peaks.push((await memory(server.pid)).peak);
      before = before || memoryBefore.now;
      console.log(`  photo ${run + 1}: ${mb(photo.length)} MB JPEG, 4000 x 3000`);
    }
  }
  await context.close();
  console.log(`${`A 12-megapixel photo made into its sizes, median of ${RUNS}`.padEnd(58)} ${'ms'.padStart(9)}`);
  console.log(`${'  time to answer the upload'.padEnd(58)} ${median(times).toFixed(0).padStart(9)}`);
  console.log(`${'Server memory'.padEnd(58)} ${'MB'.padStart(9)}`);
  console.log(`${'  resident before the first photo'.padEnd(58)} ${mb(before).padStart(9)}`);
  console.log(`${'  peak while making them (VmHWM)'.padEnd(58)} ${mb(Math.max(...peaks)).padStart(9)}`);
  const address = `${server.url}/activities/${owner.split('/')[1]}/${owner.split('/')[2]}`;
  console.log(`${'A phone\'s activity page with three photos'.padEnd(58)} ${'KB'.padStart(9)}`);
  console.log(`${'  the three originals, as taken'.padEnd(58)} ${(originals / 1e3).toFixed(0).padStart(9)}`);
  for (const scale of [2, 3]) {
    const { photos, all } = await downloaded(browser, address, scale);
    console.log(`${`  downloaded at ${scale}x: photos / the whole page`.padEnd(58)} ${`${(photos / 1e3).toFixed(0)} / ${(all / 1e3).toFixed(0)}`.padStart(9)}`);
  }
} finally {
  await browser.close();
  await server.stop();
}
