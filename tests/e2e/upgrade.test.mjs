// An upgrade that no kiosk notices: a kiosk open on build A while the server restarts on build B
// keeps A while it is being used, has B kept whole by its service worker, and moves to B at its
// next idle moment, from that cache: no blank frame, no console error, A's files gone. B is A's
// app under other content hashes, as a rebuild with a changed constant gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { KIOSK, assertNoProblems, launchBrowser, openPage, waitForContent } from './support/browser.mjs';
import { startServer } from './support/server.mjs';

const IDLE_SECONDS = 20;

/** Build B: build A's files under another hash. */
async function rebuilt(distA, hashA, hashB) {
  const distB = await mkdtemp(join(tmpdir(), 'plantzette-build-b-'));
  await cp(distA, distB, { recursive: true });
  for (const name of await readdir(distB)) {
    if (name.includes(hashA)) await rename(join(distB, name), join(distB, name.replace(hashA, hashB)));
  }
  const index = (await readFile(join(distB, 'index.html'), 'utf8')).replaceAll(hashA, hashB);
  await writeFile(join(distB, 'index.html'), index);
  await writeFile(join(distB, 'index.html.br'), brotliCompressSync(index));
  await writeFile(join(distB, 'index.html.gz'), gzipSync(index));
  // Built a minute after A, as a real rebuild is: a folder's index is revalidated by its date,
  // which has whole seconds.
  const later = new Date(Date.now() + 60000);
  for (const name of ['index.html', 'index.html.br', 'index.html.gz']) await utimes(join(distB, name), later, later);
  return distB;
}

test('a kiosk on build A moves to build B at its next idle moment after the server is upgraded', async () => {
  const distA = await mkdtemp(join(tmpdir(), 'plantzette-build-a-'));
  await cp('dist', distA, { recursive: true });
  const hashA = (await readFile(join(distA, 'index.html'), 'utf8')).match(/-([0-9a-f]{8,16})_bg\.wasm/)[1];
  const hashB = hashA.startsWith('b') ? 'c'.repeat(16) : 'b'.repeat(16);
  const distB = await rebuilt(distA, hashA, hashB);
  let server = await startServer({ distDir: distA });
  const browser = await launchBrowser();
  try {
    const { page, context, problems } = await openPage(browser, { device: KIOSK, serviceWorkers: 'allow' });
    await page.goto(`${server.url}/kiosk?idle=${IDLE_SECONDS}`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await waitForContent(page);
    const build = () => page.evaluate(() => document.querySelector("link[href$='_bg.wasm']").getAttribute('href'));
    assert.ok((await build()).includes(hashA));

    // The server is upgraded while a resident uses the kiosk.
    const { port, dataDir } = server;
    await server.stop({ keepData: true });
    server = await startServer({ dataDir, port, distDir: distB });
    await page.keyboard.press('Shift');
    const touchedAt = Date.now();
    const switched = page.waitForEvent('load', { timeout: (IDLE_SECONDS + 30) * 1000 });

    // B is kept whole first; the kiosk stays on A while in use.
    await page.waitForFunction(async (hash) => {
      const shell = await (await caches.open('plantzette-app')).match('/kiosk');
      return shell !== undefined && (await shell.text()).includes(hash);
    }, hashB, { timeout: 30000 });
    assert.ok((await build()).includes(hashA), 'still A while in use');

    await switched.catch((error) => assert.fail(`${error.message}: ${problems.join('; ')}`));
    const after = (Date.now() - touchedAt) / 1000;
    assert.ok(after >= IDLE_SECONDS - 1, `switched ${after} s after the last touch: not while in use`);
    assert.ok(after <= IDLE_SECONDS + 15, `switched ${after} s after the last touch: within one idle period`);
    await waitForContent(page).catch(async (error) => {
      await page.screenshot({ path: 'tests/artifacts/upgrade-failed.png' }).catch(() => {});
      assert.fail(`${error.message}: ${problems.join('; ')}`);
    });
    assert.ok((await build()).includes(hashB), 'B runs');

    // The new page's very first frame had content: the residence's name from index.html, then the app.
    // Through an observer: on a moved clock Playwright's fake `performance` lists no entries.
    const paints = await page.evaluate(() => new Promise((resolve) => {
      new PerformanceObserver((list, observer) => {
        observer.disconnect();
        resolve(Object.fromEntries(list.getEntries().map((p) => [p.name, p.startTime])));
      }).observe({ type: 'paint', buffered: true });
    }));
    assert.ok(paints['first-contentful-paint'] !== undefined, JSON.stringify(paints));
    assert.equal(paints['first-paint'], paints['first-contentful-paint'], `no frame painted without content: ${JSON.stringify(paints)}`);
    // The worker deletes A's files just after keeping B's shell: wait for it, within seconds.
    const keptPaths = () => page.evaluate(async () => (await (await caches.open('plantzette-app')).keys()).map((r) => new URL(r.url).pathname));
    const pruned = await page.waitForFunction(async ([a, b]) => {
      const paths = (await (await caches.open('plantzette-app')).keys()).map((r) => new URL(r.url).pathname);
      return paths.some((path) => path.includes(b)) && !paths.some((path) => path.includes(a));
    }, [hashA, hashB], { timeout: 10000 }).then(() => true, () => false);
    assert.ok(pruned, `A pruned: ${await keptPaths()}`);
    assertNoProblems(problems);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
    await rm(distA, { recursive: true, force: true });
    await rm(distB, { recursive: true, force: true });
  }
});
