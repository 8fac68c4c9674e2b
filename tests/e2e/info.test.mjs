// Practical info: visiting hours and status, how to reach the residence, the info pages, and the
// short-stay beds free by day.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KIOSK, PHONE, assertAccessible, assertNoProblems, openPage, waitForContent } from './support/browser.mjs';
import { useApp } from './support/app.mjs';
import { PORTRAIT, fitProblems } from './support/kiosk.mjs';
import { staffApi } from './support/staff.mjs';

const app = useApp();

test('practical info gives visiting hours, phone, e-mail, a map link and the info pages', async () => {
  const residence = await app.server.api('/api/v1/residence');
  const pages = await app.server.api('/api/v1/pages');
  const { page, context, problems } = await openPage(app.browser);
  await page.goto(`${app.server.url}/info`);
  await waitForContent(page);
  await page.getByRole('heading', { name: 'Heures de visite' }).waitFor();
  await page.getByText(`${residence.visiting_hours[0].opens.slice(0, 5)}–${residence.visiting_hours[0].closes.slice(0, 5)}`).first().waitFor();
  assert.equal(await page.getByRole('link', { name: /Téléphone/ }).getAttribute('href'), `tel:${residence.contact.phone.replaceAll(' ', '')}`);
  assert.match(await page.getByRole('link', { name: new RegExp(residence.address.street) }).getAttribute('href'), /openstreetmap/);
  for (const info of pages) {
    await page.getByRole('link', { name: info.title.fr }).waitFor();
  }
  assertNoProblems(problems);
  await context.close();
});

test('the short-stay page says when a bed is free and shows eight weeks by day, in French and German, live', async () => {
  const feed = await app.server.api('/api/v1/short-stays');
  const staff = await staffApi(app.server);
  for (const [lang, headline, caption] of [['fr', /^\d+ lits? libres? (aujourd'hui|dès le \d+)/, 'Lits libres par jour'], ['de', /^\d+ Bett(en)? frei ab (heute|\d+\.)/, 'Freie Betten pro Tag']]) {
    const { page, context, problems } = await openPage(app.browser, { lang });
    await page.goto(`${app.server.url}/info/short_stay`);
    await waitForContent(page);
    const table = page.getByRole('table', { name: caption });
    await table.waitFor();
    assert.match(await page.locator('.beds-headline').innerText(), headline);
    // A row per week, a cell per day in the range, each with the day's free beds.
    const cells = await table.locator('td.free, td.taken').allInnerTexts();
    assert.deepEqual(cells.map(Number), feed.days.map((d) => d.free));
    assert.equal(await table.getByRole('rowheader').count(), Math.ceil((feed.days.length + (new Date(`${feed.days[0].date}T12:00Z`).getUTCDay() + 6) % 7) / 7));
    await assertAccessible(page, `the short-stay page (${lang})`);
    assertNoProblems(problems);
    await context.close();
  }

  // Every bed reserved on the first free day: the page follows, without a reload.
  const { page, context } = await openPage(app.browser);
  await page.goto(`${app.server.url}/info/short_stay`);
  await page.locator('.beds-headline').waitFor();
  const before = await page.locator('.beds-headline').innerText();
  const first = feed.next_free.date;
  const calendar = await staff.get('short-stays');
  // The beds free that day (a booked one would be refused: nobody's booking is replaced unseen).
  for (const bed of calendar.beds.filter((b) => b.days.find((d) => d.date === first).state === 'free')) {
    await staff.put(`short-stays/beds/${bed.id}/days`, { from: first, to: first, state: 'reserved', note: '' });
  }
  const index = feed.days.findIndex((d) => d.date === first);
  await page.waitForFunction(([i]) => document.querySelectorAll('.bed-strip td.free, .bed-strip td.taken')[i]?.textContent === '0', [index], { timeout: 5000 });
  assert.notEqual(await page.locator('.beds-headline').innerText(), before, 'the first free day is another');
  await context.close();
});

test('the kiosk shows the short-stay beds on one screen, landscape and upright', async () => {
  for (const device of [KIOSK, PORTRAIT, { viewport: { width: 1366, height: 768 } }]) {
    const { page, context, problems } = await openPage(app.browser, { device });
    await page.goto(`${app.server.url}/kiosk`);
    await waitForContent(page);
    await page.goto(`${app.server.url}/kiosk/info/short_stay`);
    await page.locator('.beds-headline').waitFor();
    await page.locator('table.bed-strip').waitFor();
    assert.deepEqual(await fitProblems(page), [], `${device.viewport.width}x${device.viewport.height}`);
    assertNoProblems(problems);
    await context.close();
  }
});

test('on a phone the short-stay strip shows each week\'s first day whole, at 390 and 320 px', async () => {
  for (const width of [390, 320]) {
    const { page, context } = await openPage(app.browser, { device: { ...PHONE, viewport: { width, height: 844 } } });
    await page.goto(`${app.server.url}/info/short_stay`);
    await page.locator('table.bed-strip th[scope="row"]').first().waitFor();
    const cut = await page.locator('table.bed-strip th[scope="row"]').evaluateAll((cells) => cells
      .filter((cell) => cell.scrollWidth > cell.clientWidth || cell.getBoundingClientRect().left < 0)
      .map((cell) => cell.textContent));
    assert.deepEqual(cut, [], `${width} px: every row label whole`);
    await context.close();
  }
});

test('an unknown address is a page that leads home, not a dead end', async () => {
  const { page, context, problems } = await openPage(app.browser);
  await page.goto(`${app.server.url}/nowhere/at/all`);
  await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
  await page.getByRole('link', { name: "Retour à l'accueil" }).click();
  await page.getByRole('heading', { level: 1, name: /Aujourd'hui/ }).waitFor();
  // The browser logs the 404 itself; that answer is the point.
  assert.deepEqual(problems, ['console error: Failed to load resource: the server responded with a status of 404 (Not Found)']);
  await context.close();
});
