// What the service worker keeps on a screen that runs for months: only right answers (never a
// 404 page under a file's name), a bounded number of API answers, and always one whole build:
// a new build replaces the old only once all its files are kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from './support/browser.mjs';
import { openControlledKiosk } from './support/service_worker.mjs';
import { startServer } from './support/server.mjs';

const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)$/;

/** A kiosk controlled by its service worker, with its shell kept. */
async function controlledKiosk(browser, server) {
  const opened = await openControlledKiosk(browser, server);
  await opened.page.waitForFunction(async () => (await (await caches.open('plantzette-app')).match('/kiosk')) !== undefined);
  return opened;
}

/** What the page's Cache Storage holds: per cache, the paths kept and their bytes. */
function cacheContents(page) {
  return page.evaluate(async () => {
    const contents = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      const entries = [];
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        // Deleted by the worker since the list was read (it prunes an old build after the new shell).
        if (response === undefined) continue;
        entries.push({ path: new URL(request.url).pathname + new URL(request.url).search, type: response.headers.get('content-type'), bytes: (await response.arrayBuffer()).byteLength });
      }
      contents[name] = entries;
    }
    return contents;
  });
}

/** Waits until the worker has kept an answer fetched after everything before: what it was to
 * keep of earlier answers is kept by then, so that reading the caches next sees it. */
async function workerSettled(page) {
  const sentinel = await page.evaluate(async () => {
    const path = `/api/v1/version?settled=${Date.now()}`;
    await fetch(path);
    return path;
  });
  await page.waitForFunction(async (path) => (await (await caches.open('plantzette-api')).match(path)) !== undefined, sentinel);
}

const hashedIn = (entries) => entries.map((e) => e.path).filter((path) => HASHED.test(path)).sort();
const namesIn = (html) => [...new Set(html.match(/\/[\w./-]+-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)/g))].sort();

test('a missing file is not kept, and the build stays whole', async () => {
  const server = await startServer({ at: '10:00' });
  const browser = await launchBrowser();
  try {
    const { page, context } = await controlledKiosk(browser, server);
    const build = namesIn(await readFile('dist/index.html', 'utf8'));
    await page.waitForFunction(async (files) => {
      const cache = await caches.open('plantzette-app');
      return (await Promise.all(files.map((f) => cache.match(f)))).every(Boolean);
    }, build);
    const statuses = await page.evaluate(() => Promise.all(
      ['/plantzette-0123456789abcdef_bg.wasm', '/gestion/editor-0123456789abcdef.js', '/fonts/missing.woff2'].map(async (path) => (await fetch(path)).status),
    ));
    assert.deepEqual(statuses, [404, 404, 404]);
    await workerSettled(page);
    const kept = await cacheContents(page);
    const everything = Object.values(kept).flat();
    assert.ok(!everything.some((e) => e.path.includes('0123456789abcdef') || e.path.includes('missing')), 'a 404 was kept');
    assert.ok(everything.every((e) => !HASHED.test(e.path) || !e.type.startsWith('text/html')), 'HTML kept under a file\'s name');
    assert.deepEqual(hashedIn(kept['plantzette-app']), build, 'the build is whole');
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('the API answers kept are bounded, the most recent kept', async () => {
  const server = await startServer({ at: '10:00' });
  const browser = await launchBrowser();
  try {
    const { page, context } = await controlledKiosk(browser, server);
    // A screen that runs for months asks for a new day and week again and again.
    const last = await page.evaluate(async () => {
      const day = (n) => new Date(Date.UTC(2026, 0, 1) + n * 86400e3).toISOString().slice(0, 10);
      let path;
      for (let n = 0; n < 100; n += 1) {
        path = `/api/v1/activities?from=${day(n)}&to=${day(n)}`;
        await fetch(path);
      }
      return path;
    });
    await page.waitForFunction(async (path) => (await (await caches.open('plantzette-api')).match(path)) !== undefined, last);
    const api = (await cacheContents(page))['plantzette-api'];
    assert.ok(api.length <= 64, `${api.length} API answers kept`);
    assert.ok(api.length >= 32, `${api.length}: the bound keeps a good number`);
    assert.ok(api.every((e) => e.type.startsWith('application/json') || e.type.startsWith('text/calendar')), 'only JSON and calendars');
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('a new build replaces the kept one only once all its files are kept', async () => {
  const dist = await mkdtemp(join(tmpdir(), 'plantzette-dist-'));
  await cp('dist', dist, { recursive: true });
  const server = await startServer({ distDir: dist, at: '10:00' });
  const browser = await launchBrowser();
  try {
    const { page, context } = await controlledKiosk(browser, server);
    const index = join(dist, 'index.html');
    const buildA = await readFile(index, 'utf8');
    const filesA = namesIn(buildA);
    await page.waitForFunction(async (files) => {
      const cache = await caches.open('plantzette-app');
      return (await Promise.all(files.map((f) => cache.match(f)))).every(Boolean);
    }, filesA);

    // Build B half deployed: its index names files that are not there yet.
    const rename = (html, from, to) => html.replaceAll(from, to);
    const hashA = filesA[0].match(/-([0-9a-f]{8,16})/)[1];
    const hashB = 'b'.repeat(16);
    const buildB = rename(buildA, hashA, hashB);
    // The server would send the build's compressed copies first: this index has none.
    await rm(`${index}.br`);
    await rm(`${index}.gz`);
    await writeFile(index, buildB);
    // The worker asks for B's files one by one and gives up at the first one missing: once the
    // server has answered that one 404, the worker writes nothing more.
    const gaveUp = context.waitForEvent('response', { predicate: (r) => r.request().serviceWorker() !== null && r.url().includes(hashB) && r.status() === 404, timeout: 10000 });
    await page.reload({ waitUntil: 'commit' }).catch(() => {});
    await gaveUp;
    const during = (await cacheContents(page))['plantzette-app'];
    assert.deepEqual(hashedIn(during), filesA, 'build A is kept whole');
    const shellDuring = await page.evaluate(async () => (await (await caches.open('plantzette-app')).match('/kiosk')).text());
    assert.equal(shellDuring, buildA, 'the shell is still A\'s');

    // Build B complete: its files are there.
    for (const name of await readdir(dist)) {
      if (name.includes(hashA)) await cp(join(dist, name), join(dist, name.replace(hashA, hashB)));
    }
    await page.reload();
    await page.waitForFunction(async (expected) => {
      const shell = await (await caches.open('plantzette-app')).match('/kiosk');
      return shell !== undefined && (await shell.text()) === expected;
    }, buildB, { timeout: 10000 });
    // The worker deletes A's files just after keeping B's shell.
    const settled = await page.waitForFunction(async ([hashA, hashB]) => {
      const paths = (await (await caches.open('plantzette-app')).keys()).map((r) => new URL(r.url).pathname);
      return !paths.some((path) => path.includes(hashA)) && paths.some((path) => path.includes(hashB));
    }, [hashA, hashB], { timeout: 10000 }).then(() => true, () => false);
    const after = (await cacheContents(page))['plantzette-app'];
    assert.ok(settled, `A's files still kept: ${hashedIn(after)}`);
    assert.deepEqual(hashedIn(after), namesIn(buildB), 'B kept whole, A\'s files gone');
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
    await rm(dist, { recursive: true, force: true });
  }
});

test('a printed document opened on a screen is not kept, and the app\'s shell stays the app\'s', async () => {
  const server = await startServer({ at: '10:00' });
  const browser = await launchBrowser();
  try {
    const { page, context } = await controlledKiosk(browser, server);
    const shell = () => page.evaluate(async () => (await (await caches.open('plantzette-app')).match('/kiosk')).text());
    const before = await shell();
    await page.goto(`${server.url}/print/week`);
    await page.locator('table.week').waitFor();
    await page.goto(`${server.url}/kiosk`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await workerSettled(page);
    const kept = Object.values(await cacheContents(page)).flat().map((e) => e.path);
    assert.ok(!kept.some((path) => path.startsWith('/print/')), `nothing of the print kept: ${kept}`);
    assert.equal(await shell(), before, 'the shell is still the app');
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('a sign-up\'s private link, the places left and the alarm are never kept by the worker', async () => {
  const server = await startServer({ at: '10:00' });
  const browser = await launchBrowser();
  try {
    const { page, context } = await controlledKiosk(browser, server);
    const programmes = await server.api('/api/v1/programmes');
    // Three hours on in UTC: at least an hour on in Sierre, summer or winter.
    const soon = new Date(server.now().getTime() + 3 * 3600e3).toISOString().slice(0, 16);
    // A drop-in session with places of its own (a course's sessions are signed up for together).
    const session = programmes.items.flatMap((p) => p.sessions.filter((s) => s.places).map((s) => ({ id: p.id, starts: s.starts_at.slice(0, 16) })))
      .filter((s) => s.starts > soon).sort((a, b) => a.starts.localeCompare(b.starts))[0];
    const key = `programmes/${session.id}/${session.starts}`;
    const asked = await page.evaluate(async (key) => {
      const signedUp = await (await fetch(`/api/v1/sign-ups/${key}`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Jeanne Rey', phone: '027 455 12 34', people: 1, lang: 'fr' }),
      })).json();
      const statuses = [];
      for (const path of [`/api/v1/sign-ups/${key}`, `/api/v1/sign-up/${signedUp.token}`, '/api/v1/alarm']) {
        statuses.push((await fetch(path)).status);
      }
      return statuses;
    }, key);
    assert.deepEqual(asked, [200, 200, 200]);
    await workerSettled(page);
    const kept = Object.values(await cacheContents(page)).flat().map((e) => e.path);
    assert.ok(!kept.some((path) => /^\/api\/v1\/(sign-ups?|alarm)\b/.test(path)), `kept: ${kept}`);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});
