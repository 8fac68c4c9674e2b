// A family's pages arrive from the server with their content: with JavaScript (and so wasm)
// switched off, the today page reads whole in French and in German (the day's activities and
// menus), its links lead on, the language switch works, and the forms post as plain HTML forms
// and are answered: errors field by field in the reader's language, then the answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, assertNoProblems, openPage, waitForContent } from './support/browser.mjs';
import { dayAndMonth, useApp } from './support/app.mjs';
import { zurichWallClock } from './support/calendar.mjs';

const app = useApp();

/** A phone with JavaScript switched off. */
async function openWithoutScripts(options = {}) {
  const opened = await openPage(app.browser, { ...options, device: { ...PHONE, javaScriptEnabled: false } });
  // Nothing runs, and nothing is fetched to run: the page needs none of it.
  opened.scripts = [];
  opened.page.on('request', (request) => {
    if (/\.(js|wasm)$/.test(new URL(request.url()).pathname)) opened.scripts.push(request.url());
  });
  return opened;
}

for (const [lang, locale, words] of [
  ['fr', 'fr-CH', { today: /Aujourd'hui/i, activities: 'Activités du jour', menu: 'Menu du jour', menus: 'Menus', diner: 'Dîner' }],
  ['de', 'de-CH', { today: /Heute/i, activities: 'Aktivitäten heute', menu: 'Menü des Tages', menus: 'Menüs', diner: 'Mittagessen' }],
]) {
  test(`without JavaScript, today's activities and menus read whole on / (${lang}), and the links lead on`, async () => {
    const today = await app.server.api('/api/v1/today');
    // A first visit: the browser's language.
    const { page, context, problems, scripts } = await openWithoutScripts({ locale });
    await page.goto(app.server.url);
    const heading = await page.getByRole('heading', { level: 1 }).innerText();
    assert.match(heading, words.today);
    assert.ok(heading.includes(dayAndMonth(today.date, lang)), `${heading} names ${today.date}`);
    assert.equal(await page.locator('html').getAttribute('lang'), lang);
    await page.getByRole('heading', { level: 2, name: words.activities }).waitFor();
    for (const activity of today.activities) {
      await page.getByRole('heading', { level: 3, name: activity.title[lang] ?? activity.title.fr }).first().waitFor();
    }
    await page.getByRole('heading', { level: 2, name: words.menu }).waitFor();
    for (const meal of today.menu.meals.filter((m) => ['diner', 'souper'].includes(m.kind))) {
      await page.getByText(meal.main.name[lang] ?? meal.main.name.fr, { exact: true }).first().waitFor();
    }
    await page.getByRole('heading', { level: 3, name: words.diner }).waitFor();

    // A link is a plain link: the week's menus, drawn by the server too.
    await page.getByRole('navigation').getByRole('link', { name: words.menus, exact: true }).click();
    await page.waitForURL('**/menus');
    const menus = await app.server.api('/api/v1/menus');
    await page.getByText(menus.items[0].meals[0].main.name[lang] ?? menus.items[0].meals[0].main.name.fr, { exact: true }).first().waitFor();
    assert.deepEqual(scripts, [], 'no script or wasm fetched');
    assertNoProblems(problems);
    await context.close();
  });
}

test('without JavaScript, the language switch is a form that the server answers, and remembers', async () => {
  const { page, context, problems } = await openWithoutScripts();
  await page.goto(`${app.server.url}/programmes`);
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.getByRole('heading', { level: 1, name: 'Prävention' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/programmes', 'back on the page it was switched on');
  await page.goto(app.server.url);
  await page.getByRole('heading', { level: 1, name: /Heute/ }).waitFor();
  assertNoProblems(problems);
  await context.close();
});

/** The first demo session still to come that takes sign-ups, with nobody signed up yet. */
async function openSession() {
  const now = zurichWallClock(app.server.now()).slice(0, 16);
  const programmes = await app.server.api('/api/v1/programmes');
  for (const programme of programmes.items) {
    for (const session of programme.sessions.filter((s) => s.places && s.starts_at.slice(0, 16) > now)) {
      const key = `programmes/${programme.id}/${session.starts_at.slice(0, 16)}`;
      const figures = await app.server.api(`/api/v1/sign-ups/${key}`);
      if (figures.window.state === 'open' && figures.taken === 0 && figures.waiting === 0) return { programme, key, figures };
    }
  }
  throw new Error('the demo has a session open for sign-up with nobody signed up');
}

test('without JavaScript, the sign-up form posts, comes back with its errors in German, then signs up', async () => {
  const { programme, key } = await openSession();
  const { page, context, problems } = await openWithoutScripts({ lang: 'de' });
  await page.goto(`${app.server.url}/programmes/${programme.id}`);
  await page.locator(`a[href="/sign-ups/${key}"]`).click();
  await page.getByRole('heading', { level: 1, name: /Anmelden/ }).waitFor();

  await page.getByLabel('Vorname und Name', { exact: true }).fill('Anna Imboden');
  await page.getByLabel('Telefon', { exact: true }).fill('027 abc');
  await page.getByRole('button', { name: /Anmeldung senden/ }).click();
  await page.getByRole('alert').waitFor();
  const phone = page.getByLabel('Telefon', { exact: true });
  assert.equal(await phone.getAttribute('aria-invalid'), 'true');
  assert.equal(await phone.inputValue(), '027 abc', 'what was typed comes back');
  assert.equal(await page.getByLabel('Vorname und Name', { exact: true }).inputValue(), 'Anna Imboden');
  assert.equal(await page.locator('#phone-error').innerText(), 'Ungültige Telefonnummer.', 'the error in German');

  await phone.fill('027 455 12 34');
  await page.getByRole('button', { name: /Anmeldung senden/ }).click();
  await page.locator('#answer').waitFor();
  assert.match(await page.locator('#answer').innerText(), /Platz|Warteliste/);
  const link = await page.locator('.sign-up-answer a[href*="/sign-up/"]').getAttribute('href');
  const figures = await app.server.api(`/api/v1/sign-ups/${key}`);
  assert.equal(figures.taken + figures.waiting, 1, 'one person signed up');

  // The private link works without scripts too: cancelled in two taps, confirmed.
  await page.goto(`${app.server.url}${link}`);
  await page.getByRole('button', { name: /Anmeldung absagen/ }).first().click();
  await page.getByRole('button', { name: /Ja, absagen/ }).click();
  await page.getByRole('status').waitFor();
  const after = await app.server.api(`/api/v1/sign-ups/${key}`);
  assert.equal(after.taken + after.waiting, 0, 'cancelled');
  assertNoProblems(problems.filter((p) => !/status of 422/.test(p)));
  await context.close();
});

test('without JavaScript, a request for a short stay posts and gets its number', async () => {
  const { page, context, problems } = await openWithoutScripts();
  await page.goto(`${app.server.url}/short-stay-requests`);
  await page.getByRole('button', { name: /Envoyer la demande/ }).click();
  await page.getByRole('alert').waitFor();
  assert.equal(await page.getByLabel('Du', { exact: true }).getAttribute('aria-invalid'), 'true', 'a date is needed');
  await page.getByLabel('Votre nom', { exact: true }).fill('Pierre Salamin');
  await page.getByLabel('Téléphone', { exact: true }).fill('027 455 12 34');
  await page.getByLabel('Du', { exact: true }).fill(app.server.day(20));
  await page.getByLabel('Au', { exact: true }).fill(app.server.day(34));
  await page.getByRole('button', { name: /Envoyer la demande/ }).click();
  assert.match(await page.locator('#answer').innerText(), /\d+/, 'the number to quote');
  assertNoProblems(problems.filter((p) => !/status of 422/.test(p)));
  await context.close();
});
