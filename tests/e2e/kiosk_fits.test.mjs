// A kiosk that never scrolls: on a busy day, every screen reached from the kiosk fits every
// screen lobbies have (1280x720 to 3840x2160, 5:4, the system's scaling), landscape and upright:
// nothing past an edge, under another element or cut off, its targets still big and apart and its
// text still large relative to the screen; a list longer than the screen pages with big buttons, the page shown is the
// one read aloud, and the next resident finds page 1 again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KIOSK, assertNoProblems, waitForContent } from './support/browser.mjs';
import { useApp } from './support/app.mjs';
import { makeBusyDay } from './support/busy_day.mjs';
import { staffApi } from './support/staff.mjs';
import { until } from './support/wait.mjs';
import { LOBBY_SCREENS, PORTRAIT, fitProblems, kioskPath, kioskRem, openKiosk, resize, settled, targetProblems } from './support/kiosk.mjs';

const app = useApp({ prepare: makeBusyDay, at: '10:00' });

/** Every screen a resident can reach from the kiosk: each day of the week, each day's menus,
 * each programme and each info page. */
async function kioskScreens() {
  const week = await app.server.api('/api/v1/activities');
  const days = [];
  for (let day = new Date(`${week.range.from}T12:00:00Z`); day <= new Date(`${week.range.to}T12:00:00Z`); day = new Date(+day + 86400e3)) {
    days.push(day.toISOString().slice(0, 10));
  }
  const firstOfEachDay = days.map((day) => week.items.find((o) => o.starts_at.startsWith(day))).filter(Boolean);
  const programmes = (await app.server.api('/api/v1/programmes')).items;
  const pages = await app.server.api('/api/v1/pages');
  return [
    '/', '/announcements', '/activities',
    ...days.map((day) => `/activities?day=${day}`),
    ...firstOfEachDay.map((o) => `/activities/${o.activity_id}/${o.starts_at.slice(0, 10)}`),
    '/menus', ...days.map((day) => `/menus?day=${day}`),
    '/programmes', ...programmes.map((p) => `/programmes/${p.id}`),
    '/info', ...pages.map((p) => `/info/${p.slug}`),
  ].map(kioskPath);
}

test('every kiosk screen fits every lobby screen on a busy day, landscape and upright, with big targets and text', async () => {
  const screens = await kioskScreens();
  const today = await app.server.api('/api/v1/today');
  const failures = [];
  // A browser's scaling is fixed for its life: one per scaling, resized through its sizes.
  for (const scale of new Set(LOBBY_SCREENS.map((s) => s.scale))) {
    const sizes = LOBBY_SCREENS.filter((s) => s.scale === scale);
    const { page, context, problems } = await openKiosk(app, undefined, { device: { viewport: sizes[0].viewport, deviceScaleFactor: scale } });
    for (const path of screens) {
      await page.goto(`${app.server.url}${path}`);
      await waitForContent(page);
      for (const size of sizes) {
        await resize(page, size.viewport);
        const where = `${path} at ${size.name}`;
        const rem = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
        if (Math.abs(rem - kioskRem(size.viewport)) > 0.5) failures.push(`${where}: 1 rem is ${rem} px, not the screen's ${kioskRem(size.viewport)}`);
        failures.push(...(await fitProblems(page)).map((problem) => `${where}: ${problem}`));
        const { small, cramped } = await targetProblems(page);
        failures.push(...[...small, ...cramped].map((problem) => `${where}: target ${problem}`));
        if (path === '/kiosk') {
          // The busy day's home still has room for what is on and what comes next.
          const at = `${today.date}T10:00`;
          const onNow = today.activities.filter((o) => !o.cancelled && o.starts_at.slice(0, 16) <= at && at < o.ends_at.slice(0, 16));
          const next = today.activities.find((o) => !o.cancelled && o.starts_at.slice(0, 16) > at);
          const shown = await page.locator('.kiosk-panel .activity').evaluateAll((items) => items.filter((i) => i.checkVisibility()).length);
          if (shown !== onNow.length + (next ? 1 : 0)) failures.push(`${where}: ${shown} activities now and next on the home`);
        }
        const textSizes = await page.locator('main p:not(.eyebrow, .badge), main li, main dd').evaluateAll((elements) =>
          elements.filter((e) => e.checkVisibility()).map((e) => parseFloat(getComputedStyle(e).fontSize)));
        if (textSizes.length === 0) failures.push(`${where}: no text shown`);
        else if (Math.min(...textSizes) < rem - 0.5) failures.push(`${where}: body text of ${Math.min(...textSizes)} px, under 1 rem (${rem} px)`);
      }
    }
    assertNoProblems(problems);
    await context.close();
  }
  assert.deepEqual(failures, [], 'kiosk screens that do not fit');
});

/** The titles of the activities on screen, in order. */
const shownTitles = (page) => page.locator('main .activity .title').evaluateAll((titles) => titles.filter((t) => t.checkVisibility()).map((t) => t.textContent.trim()));

test('a day longer than the screen pages: the next page shows the following activities, and is the one read aloud', async () => {
  const today = await app.server.api('/api/v1/today');
  const titles = today.activities.map((o) => o.title.fr);
  for (const device of [KIOSK, PORTRAIT]) {
    const { page, context, problems } = await openKiosk(app, undefined, { device });
    await page.getByRole('link', { name: 'Programme du jour' }).click();
    await waitForContent(page);
    const pager = page.getByRole('navigation', { name: 'Pages' });
    const position = pager.locator('.pager-position');
    const pages = Number((await position.innerText()).match(/^Page 1 sur (\d+)$/)?.[1]);
    assert.ok(pages >= 2, `the busy day's ${titles.length} activities take more than one page`);
    assert.ok(await pager.getByRole('button', { name: '← Précédent' }).isDisabled(), 'nothing before page 1');

    const first = await shownTitles(page);
    assert.deepEqual(first, titles.slice(0, first.length), 'page 1 begins the day');
    await pager.getByRole('button', { name: 'Suivant →' }).click();
    assert.equal(await position.innerText(), `Page 2 sur ${pages}`);
    const second = await shownTitles(page);
    assert.deepEqual(second, titles.slice(first.length, first.length + second.length), 'page 2 goes on where page 1 ended');
    assert.deepEqual(await fitProblems(page), []);

    await page.getByRole('banner').getByRole('button', { name: 'Lire à haute voix' }).click();
    const spoken = (await page.evaluate(() => window.spokenAloud)).at(-1).text;
    assert.ok(spoken.includes(second[0]) && !spoken.includes(first[0]), `reads page 2 alone: ${spoken}`);

    const all = [...first, ...second];
    for (let shown = 2; shown < pages; shown += 1) {
      await pager.getByRole('button', { name: 'Suivant →' }).click();
      all.push(...await shownTitles(page));
    }
    assert.ok(await pager.getByRole('button', { name: 'Suivant →' }).isDisabled(), 'nothing after the last page');
    assert.deepEqual(all, titles, 'every activity of the day on one page, in order: none dropped, none twice');
    assertNoProblems(problems);
    await context.close();
  }
});

test('the next resident finds page 1 again: the kiosk left on page 2 comes home after a minute', async () => {
  const today = await app.server.api('/api/v1/today');
  const { page, context, problems } = await openKiosk(app, `${today.date}T09:00`);
  await page.getByRole('link', { name: 'Programme du jour' }).click();
  await waitForContent(page);
  await page.getByRole('button', { name: 'Suivant →' }).click();
  await page.getByText(/^Page 2 sur/).waitFor();

  await page.clock.fastForward(30_000);
  assert.match(page.url(), /\/kiosk\/today$/, 'still there after half a minute');
  await page.clock.fastForward(31_000);
  await page.waitForURL('**/kiosk');
  await page.getByRole('link', { name: 'Programme du jour' }).click();
  await page.getByText(/^Page 1 sur/).waitFor();
  assert.equal((await shownTitles(page))[0], today.activities[0].title.fr);
  assertNoProblems(problems);
  await context.close();
});

test('the week shows one day at a time, today first, each day a tap away', async () => {
  const today = await app.server.api('/api/v1/today');
  const week = await app.server.api('/api/v1/activities');
  const { page, context, problems } = await openKiosk(app, undefined, { lang: 'de' });
  await page.getByRole('link', { name: 'Die Woche' }).click();
  // The home's heading is there at once: wait for the week's own day tabs.
  await page.getByRole('navigation', { name: 'Wochentage' }).waitFor();
  await waitForContent(page);
  const days = page.getByRole('navigation', { name: 'Wochentage' }).getByRole('link');
  assert.equal(await days.count(), 7);
  const current = page.locator('.day-tabs a[aria-current="true"]');
  assert.equal(await current.innerText(), `${['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'][new Date(`${today.date}T12:00:00Z`).getUTCDay()]} ${Number(today.date.slice(8))}.`);
  await page.locator('main').getByText(today.activities[0].title.de, { exact: true }).first().waitFor();
  assert.equal((await shownTitles(page))[0], today.activities[0].title.de);

  // Another day: its own activities, none of today's.
  const other = week.items.find((o) => !o.starts_at.startsWith(today.date));
  const otherDay = other.starts_at.slice(0, 10);
  await days.nth((new Date(`${otherDay}T12:00:00Z`).getUTCDay() + 6) % 7).click();
  await page.waitForURL(`**/kiosk/activities?day=${otherDay}`);
  const expected = week.items.filter((o) => o.starts_at.startsWith(otherDay)).map((o) => o.title.de);
  // The address moves at the tap; the day's list follows once its content is there.
  await page.locator('main').getByText(expected[0], { exact: true }).first().waitFor();
  const shown = await shownTitles(page);
  assert.deepEqual(shown, expected.slice(0, shown.length));
  assert.deepEqual(await fitProblems(page), []);
  assertNoProblems(problems);
  await context.close();
});

test('the menus show one day at a time, today first, with the day before and after a tap away', async () => {
  const today = await app.server.api('/api/v1/today');
  const { page, context, problems } = await openKiosk(app);
  await page.getByRole('link', { name: 'Menus', exact: true }).click();
  await page.waitForURL('**/kiosk/menus');
  const diner = today.menu.meals.find((meal) => meal.kind === 'diner');
  // In the menus page's meals: the home page, still there under a slow machine, shows it too.
  await page.locator('main .meal').getByText(diner.main.name.fr, { exact: true }).waitFor();
  assert.equal(await page.locator('main .meal').count(), today.menu.meals.length, 'one day only');

  await page.getByRole('link', { name: 'Jour suivant →' }).click();
  const tomorrow = new Date(Date.parse(`${today.date}T12:00:00Z`) + 86400e3).toISOString().slice(0, 10);
  await page.waitForURL(`**/kiosk/menus?day=${tomorrow}`);
  const next = await app.server.api(`/api/v1/menus?from=${tomorrow}&to=${tomorrow}`);
  const nextDiner = next.items[0]?.meals.find((meal) => meal.kind === 'diner');
  if (nextDiner) await page.getByText(nextDiner.main.name.fr, { exact: true }).waitFor();
  else await page.getByText("Le menu n'est pas encore publié.").waitFor();
  await page.getByRole('link', { name: "Aujourd'hui", exact: true }).click();
  await page.getByText(diner.main.name.fr, { exact: true }).waitFor();
  assertNoProblems(problems);
  await context.close();
});

test('with the server out of reach and the screen saying so, the screens still fit', async () => {
  for (const [label, device] of [['landscape', KIOSK], ['upright', PORTRAIT]]) {
    const { page, context } = await openKiosk(app, undefined, { device });
    for (const path of ['/kiosk', '/kiosk/today', '/kiosk/menus', '/kiosk/programmes']) {
      await page.goto(`${app.server.url}${path}`);
      await waitForContent(page);
      await page.route('**/api/**', (route) => route.abort());
      // Old enough to be dated, and each fetch since failed: two notices above the content. A
      // request that left before the route may still come back after the jump and confirm the
      // content: jump again until it is dated (nothing can confirm it after that).
      await until('the content dated', async () => {
        await page.clock.fastForward(16 * 60_000);
        return page.locator('.stale').isVisible();
      }, { seconds: 30 });
      await settled(page);
      assert.deepEqual(await fitProblems(page), [], `${path} (${label}) with the server out of reach`);
      await page.unroute('**/api/**');
    }
    await context.close();
  }
});

test('the alarm, the pairing code and the night clock fit every lobby screen too', async () => {
  const today = await app.server.api('/api/v1/today');
  const staff = await staffApi(app.server);
  const failures = [];
  const check = async (page, what, shown) => {
    await page.locator(shown).waitFor();
    for (const size of LOBBY_SCREENS) {
      await resize(page, size.viewport);
      failures.push(...(await fitProblems(page)).map((problem) => `${what} at ${size.name}: ${problem}`));
      const { small, cramped } = await targetProblems(page);
      failures.push(...[...small, ...cramped].map((problem) => `${what} at ${size.name}: target ${problem}`));
    }
  };
  const pairing = await openKiosk(app, undefined, { settings: '?pair' });
  await check(pairing.page, 'pairing', '.pairing-code');
  await pairing.context.close();
  const night = await openKiosk(app, `${today.date}T22:30`);
  await check(night.page, 'night', '.night-clock');
  await night.context.close();
  const { page, context, problems } = await openKiosk(app);
  await staff.create('alarm', { message: {
    fr: 'Évacuation : suivez les indications du personnel et rendez-vous au point de rassemblement devant l\u2019entrée principale.',
    de: 'Evakuierung: Folgen Sie den Anweisungen des Personals und gehen Sie zum Sammelplatz vor dem Haupteingang.',
  } });
  try {
    await check(page, 'alarm', '.alarm-screen');
  } finally {
    await staff.end('alarm');
  }
  assertNoProblems(problems);
  await context.close();
  assert.deepEqual(failures, [], 'screens over the kiosk that do not fit');
});
