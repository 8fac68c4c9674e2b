// The lobby kiosk at 1920x1080: now and next under a controlled clock, big targets and text
// measured on the page, read-aloud in the chosen language, and the way home after a minute idle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, assertNoProblems, waitForContent } from './support/browser.mjs';
import { useApp } from './support/app.mjs';
import { openKiosk as openKioskOf, targetProblems } from './support/kiosk.mjs';
import { addMinutes, staffApi } from './support/staff.mjs';

// The kiosk's clock is set by each test, on the server's day (10:00 on it).
const app = useApp({ at: '10:00' });

const openKiosk = (local, options) => openKioskOf(app, local, options);

test('the kiosk shows the time, the day in words, and what is on now and next', async () => {
  const before = await app.server.api('/api/v1/today');
  const first = before.activities.find((o) => !o.cancelled);
  const fiveMinutesIn = addMinutes(first.starts_at, 5);
  // Whatever the day's programme, something begins a minute later: it is the next one.
  const api = await staffApi(app.server);
  const created = await api.create('activities', {
    title: { fr: 'Lecture du journal' }, place: { fr: 'Salon' }, category: 'social',
    registration_required: false, wheelchair_accessible: true,
    starts_at: `${addMinutes(fiveMinutesIn, 1)}:00`, ends_at: `${addMinutes(fiveMinutesIn, 31)}:00`,
  });
  const { page, context, problems } = await openKiosk(fiveMinutesIn);

  assert.equal(await page.locator('.clock time').innerText(), fiveMinutesIn.slice(11, 16));
  await page.getByRole('heading', { level: 1, name: new RegExp(`${Number(before.date.slice(8))}`) }).waitFor();
  const now = page.locator('.activity.now');
  assert.equal(await now.count(), 1);
  assert.match(await now.innerText(), new RegExp(first.title.fr));
  assert.match(await now.innerText(), /En ce moment/);
  assert.match(await page.locator('.activity.next').innerText(), /Lecture du journal/);
  await page.getByRole('heading', { name: 'Dîner' }).waitFor();
  await page.getByRole('heading', { name: 'Souper' }).waitFor();
  assert.equal(await page.locator('.night').count(), 0, 'awake in the daytime');
  assertNoProblems(problems);
  await context.close();
  await api.remove('activities', created);
});

test('every target is at least 76 px and the text at least 32 px, in French unless chosen otherwise', async () => {
  const { page, context, problems } = await openKiosk(undefined, { locale: 'en-US' });
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr', 'the kiosk speaks French to begin with');
  assert.ok(await page.locator('a:visible, button:visible').count() >= 10);
  assert.deepEqual(await targetProblems(page), { small: [], cramped: [] }, 'targets on the home screen');
  const textSizes = await page.locator('main p, main li, main dd').evaluateAll((elements) =>
    elements.filter((e) => e.offsetParent).map((e) => parseFloat(getComputedStyle(e).fontSize)));
  assert.ok(Math.min(...textSizes) >= 32, `smallest body text ${Math.min(...textSizes)} px`);
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).userSelect), 'none');
  const menuBlocked = await page.evaluate(() => !document.body.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true })));
  assert.ok(menuBlocked, 'a long press opens no context menu');
  await assertAccessible(page, '/kiosk');
  assertNoProblems(problems);
  await context.close();
});

test('each section is read aloud in the language chosen, and can be stopped', async () => {
  const today = await app.server.api('/api/v1/today');
  const diner = today.menu.meals.find((meal) => meal.kind === 'diner');
  const { page, context, problems } = await openKiosk();
  const menu = page.locator('section', { has: page.getByRole('heading', { name: 'Menu du jour' }) });
  await menu.getByRole('button', { name: 'Lire à haute voix' }).click();
  let spoken = await page.evaluate(() => window.spokenAloud);
  assert.equal(spoken.length, 1);
  assert.equal(spoken[0].lang, 'fr-CH');
  assert.match(spoken[0].text, /Menu du jour/);
  assert.ok(spoken[0].text.includes(diner.main.name.fr), spoken[0].text);
  await menu.getByRole('button', { name: 'Arrêter la lecture' }).click();
  assert.equal(await page.evaluate(() => speechSynthesis.speaking), false);

  await page.getByRole('button', { name: 'Deutsch' }).click();
  const activities = page.locator('section', { has: page.getByRole('heading', { name: 'Aktivitäten heute' }) });
  await activities.getByRole('button', { name: 'Vorlesen' }).click();
  spoken = await page.evaluate(() => window.spokenAloud);
  assert.equal(spoken.at(-1).lang, 'de-CH');
  assert.ok(spoken.at(-1).text.includes(today.activities[0].title.de), spoken.at(-1).text);
  assertNoProblems(problems);
  await context.close();
});

test('the time before coming home is set on the kiosk\'s address', async () => {
  const today = await app.server.api('/api/v1/today');
  const { page, context, problems } = await openKiosk(`${today.date}T09:00`, { settings: '?idle=30' });
  await page.getByRole('link', { name: 'Prévention', exact: true }).click();
  await page.waitForURL('**/programmes');
  await page.clock.fastForward(20_000);
  assert.match(page.url(), /\/programmes$/, 'still there after 20 s');
  await page.clock.fastForward(11_000);
  // Home is the address the kiosk was opened at, its settings included.
  await page.waitForURL((url) => url.pathname === '/kiosk');
  assertNoProblems(problems);
  await context.close();
});

test('a kiosk left two pages away from home comes home too', async () => {
  const today = await app.server.api('/api/v1/today');
  const { page, context, problems } = await openKiosk(`${today.date}T09:00`);
  await page.getByRole('link', { name: 'Prévention', exact: true }).click();
  await page.waitForURL('**/programmes');
  await page.locator('main a[href^="/kiosk/programmes/"]').first().click();
  await page.waitForURL('**/programmes/*');
  await waitForContent(page);
  await page.clock.fastForward(61_000);
  await page.waitForURL((url) => url.pathname === '/kiosk');
  await page.getByRole('heading', { name: 'Activités du jour' }).waitFor();
  assertNoProblems(problems);
  await context.close();
});

test('the kiosk\'s day hours are set on its address', async () => {
  const today = await app.server.api('/api/v1/today');
  // At 06:45 the kiosk rests by default (it wakes at 07:00); set to wake at 6:30, it is awake.
  const early = await openKiosk(`${today.date}T06:45`);
  await early.page.locator('.night').waitFor();
  await early.context.close();
  const { page, context, problems } = await openKiosk(`${today.date}T06:45`, { settings: '?hours=6:30-22:00' });
  await page.getByRole('heading', { name: 'Activités du jour' }).waitFor();
  assert.equal(await page.locator('.night').count(), 0, 'awake from 06:30');
  assertNoProblems(problems);
  await context.close();
});

test('at night the kiosk rests as a dim clock that moves, and a touch wakes it', async () => {
  const today = await app.server.api('/api/v1/today');
  const { page, context, problems } = await openKiosk(`${today.date}T22:30`);
  const night = page.locator('.night');
  await night.waitFor();
  const clock = page.locator('.night-clock');
  assert.equal(await clock.innerText(), '22:30');
  const placed = () => clock.evaluate((element) => element.style.transform);
  const before = await placed();
  await page.clock.fastForward(5 * 60_000);
  await page.waitForFunction(() => document.querySelector('.night-clock')?.textContent === '22:35');
  assert.notEqual(await placed(), before, 'the clock moves, so that nothing burns in');

  await night.click();
  await night.waitFor({ state: 'detached' });
  await page.getByRole('heading', { name: 'Activités du jour' }).waitFor();
  await page.clock.fastForward(61_000);
  await night.waitFor();
  assertNoProblems(problems);
  await context.close();
});

test('left alone, the kiosk turns its highlights; a touch stops them, and so does the pause button', async () => {
  const today = await app.server.api('/api/v1/today');
  const { page, context, problems } = await openKiosk(`${today.date}T10:05`);
  const highlight = page.locator('.highlights .highlight');
  await highlight.waitFor();
  const shown = () => highlight.innerText();
  const first = await shown();
  await page.clock.runFor(10_000);
  await page.waitForFunction((before) => document.querySelector('.highlights .highlight').innerText !== before, first);

  // A touch: the highlight stays while someone is at the screen, and turns again a minute after.
  await page.locator('.kiosk-now h1').click();
  const touched = await shown();
  await page.clock.runFor(50_000);
  assert.equal(await shown(), touched, 'no turning while someone is at the screen');
  await page.clock.runFor(30_000);
  assert.notEqual(await shown(), touched, 'turning again once left alone');

  // Paused: it stays, however long the screen is left alone, until resumed.
  await page.getByRole('button', { name: 'Arrêter les changements d’écran' }).click();
  const paused = await shown();
  await page.clock.runFor(3 * 60_000);
  assert.equal(await shown(), paused, 'paused');
  await page.getByRole('button', { name: 'Reprendre les changements d’écran' }).click();
  await page.clock.runFor(80_000);
  assert.notEqual(await shown(), paused, 'resumed');
  assertNoProblems(problems);
  await context.close();
});

test('the night clock says how to wake it in the language chosen', async () => {
  const today = await app.server.api('/api/v1/today');
  const { page, context, problems } = await openKiosk(`${today.date}T20:58`);
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.clock.runFor(3 * 60_000);
  await page.locator('.night').waitFor();
  assert.equal(await page.locator('.night .visually-hidden').innerText(), 'Berühren, um den Bildschirm zu wecken');
  assertNoProblems(problems);
  await context.close();
});

test('the tile of the page shown is the current one, the home only at home, and /kiosk/ is the home', async () => {
  const { page, context, problems } = await openKiosk(undefined, { settings: '/' });
  assert.match(page.url(), /\/kiosk$/, 'a trailing slash leads home');
  const tiles = page.getByRole('navigation', { name: /navigation/i });
  const current = () => tiles.locator('[aria-current="page"]').allInnerTexts();
  assert.deepEqual((await current()).map((t) => t.trim()), ['Accueil']);
  await tiles.getByRole('link', { name: 'Menus' }).click();
  await page.waitForURL('**/kiosk/menus');
  await tiles.locator('[aria-current="page"]', { hasText: 'Menus' }).waitFor();
  assert.deepEqual((await current()).map((t) => t.trim()), ['Menus'], 'only the page shown, not the home too');
  assertNoProblems(problems);
  await context.close();
});

test('?lang=de sets the lobby screen\'s language, as ?hours= sets its hours, until a resident chooses another', async () => {
  const { page, context, problems } = await openKiosk(undefined, { settings: '?lang=de' });
  await page.getByRole('link', { name: 'Die Woche' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  await page.goto(`${app.server.url}/kiosk`);
  await page.getByRole('link', { name: 'Die Woche' }).waitFor();
  assertNoProblems(problems);
  await context.close();
});
