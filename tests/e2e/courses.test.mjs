// A course is signed up for once: on a phone its page offers one "S'inscrire au cours" with the
// course's places and no sign-up per session; the form lists every session; the answer's
// calendar file holds them all; the private link cancels the whole course in one step. In
// German without JavaScript the same. On the lobby kiosk one QR code for the course and every
// session. In the editor a programme is a course or drop-in sessions, and the course's roster
// ticks who came to each session in one tap. axe-core throughout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, assertAccessible, assertNoProblems, openPage, waitForContent } from './support/browser.mjs';
import { useApp } from './support/app.mjs';
import { openEditor } from './support/editor.mjs';
import { openKiosk, fitProblems } from './support/kiosk.mjs';
import { parseCalendar } from './support/calendar.mjs';
import { pdfInfo, pdfText, printToPdf } from './support/pdf.mjs';
import { contentOf, staffApi } from './support/staff.mjs';

const app = useApp({ at: '10:00' });

/** A demo course whose sign-up is open now (the demo always has one: its last course begins next
 * week), its key and its figures. The tests of this file share it. */
async function openCourse() {
  const programmes = (await app.server.api('/api/v1/programmes')).items.filter((p) => p.enrolment?.kind === 'course');
  for (const programme of programmes) {
    const key = `programmes/${programme.id}`;
    const figures = await app.server.api(`/api/v1/sign-ups/${key}`);
    if (figures.window.state === 'open' && figures.waiting === 0 && figures.taken < figures.capacity) return { programme, key, figures };
  }
  throw new Error('the demo has a course open for sign-up');
}

const enrol = (key, n) => fetch(`${app.server.url}/api/v1/sign-ups/${key}`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.3.${n}` },
  body: JSON.stringify({ name: `Personne ${n}`, phone: `027 455 30 ${String(n).padStart(2, '0')}`, people: 1, lang: 'fr' }),
}).then((r) => r.json());

test('a daughter enrols her father in a course in one form: every session listed, all in the calendar file, cancelled in one step', async () => {
  const { programme, key, figures } = await openCourse();
  const { page, context, problems } = await openPage(app.browser, { lang: 'fr' });
  await page.goto(`${app.server.url}/programmes/${programme.id}`);
  await waitForContent(page);
  await page.getByText(`${figures.capacity - figures.taken} places libres`).waitFor();
  assert.equal(await page.locator('a[href^="/sign-ups/"]').count(), 1, 'one way to sign up, for the course');
  await page.getByText('Une inscription vaut pour toutes les séances du cours, avec la même place.').first().waitFor();
  await assertAccessible(page, 'a course\'s page');
  await page.getByRole('link', { name: 'S’inscrire au cours' }).click();
  await page.getByRole('heading', { level: 1, name: /S’inscrire au cours/ }).waitFor();
  const listed = page.locator('.course-sessions li');
  assert.equal(await listed.count(), programme.sessions.length, 'the form lists every session');
  await assertAccessible(page, 'a course\'s sign-up form');

  await page.getByLabel('Nom et prénom', { exact: true }).fill('René Zufferey');
  await page.getByLabel('Téléphone', { exact: true }).fill('027 455 12 34');
  await page.getByRole('button', { name: 'Envoyer l’inscription' }).click();
  const answer = page.locator('.sign-up-answer');
  await answer.getByRole('heading', { name: 'C’est noté : votre place est réservée.' }).waitFor();
  const calendar = await answer.getByRole('link', { name: 'Ajouter à mon agenda' }).getAttribute('href');
  assert.equal(calendar, `/api/v1/calendar/programmes/${programme.id}.ics?lang=fr`);
  const events = parseCalendar(await (await fetch(`${app.server.url}${calendar}`)).text());
  assert.equal(events.length, programme.sessions.length, 'one event per session');
  const link = await answer.getByRole('link', { name: /\/sign-up\// }).getAttribute('href');
  assert.equal((await app.server.api(`/api/v1/sign-ups/${key}`)).taken, figures.taken + 1);
  assertNoProblems(problems);
  await context.close();

  const later = await openPage(app.browser, { lang: 'fr' });
  await later.page.goto(`${app.server.url}${link}`);
  await later.page.getByText('René Zufferey').waitFor();
  assert.equal(await later.page.locator('.course-sessions li').count(), programme.sessions.length);
  await assertAccessible(later.page, 'a course\'s private link');
  await later.page.getByRole('button', { name: 'Annuler mon inscription au cours (toutes les séances)' }).click();
  await later.page.getByRole('button', { name: 'Oui, annuler' }).click();
  await later.page.getByText('Cette inscription est annulée.').waitFor();
  assert.equal((await app.server.api(`/api/v1/sign-ups/${key}`)).taken, figures.taken, 'the place is given back, for every session');
  assertNoProblems(later.problems);
  await later.context.close();
});

test('in German without JavaScript a course is taken in one form', async () => {
  const { programme, key, figures } = await openCourse();
  const { page, context, problems } = await openPage(app.browser, { lang: 'de', device: { ...PHONE, javaScriptEnabled: false } });
  await page.goto(`${app.server.url}/programmes/${programme.id}`);
  await page.getByRole('link', { name: 'Für den Kurs anmelden' }).click();
  await page.getByRole('heading', { level: 1, name: /Für den Kurs anmelden/ }).waitFor();
  await page.getByText('Die Kurstermine').waitFor();
  await page.getByLabel('Vorname und Name', { exact: true }).fill('Hans Imboden');
  await page.getByLabel('Telefon', { exact: true }).fill('027 455 66 77');
  await page.getByRole('button', { name: /Anmeldung senden/ }).click();
  await page.locator('.sign-up-answer h2').waitFor();
  assert.match(await page.locator('.sign-up-answer h2').innerText(), /Platz/);
  assert.equal((await app.server.api(`/api/v1/sign-ups/${key}`)).taken, figures.taken + 1);
  assertNoProblems(problems);
  await context.close();
});

test('the lobby kiosk shows one QR code for a course, and every session', async () => {
  const { programme, key } = await openCourse();
  const { page, context, problems } = await openKiosk(app);
  await page.goto(`${app.server.url}/kiosk/programmes/${programme.id}`);
  await waitForContent(page);
  const qr = page.locator(`img.sign-up-qr[src="/api/v1/qr/sign-ups/${key}"]`);
  await qr.waitFor({ state: 'attached' });
  assert.equal(await page.locator('img.sign-up-qr').count(), 1, 'one code, for the course');
  assert.equal(await page.locator('.sessions li').count(), programme.sessions.length, 'every session, paged rather than cut');
  assert.equal(await page.getByText(/autres dates/).count(), 0, 'no date left out');
  assert.deepEqual(await fitProblems(page), [], 'the course fits the lobby screen');
  await assertAccessible(page, 'a course on the kiosk');
  assertNoProblems(problems);
  await context.close();
});

test('in the editor a programme is a course, and its roster ticks who came to each session in one tap', async () => {
  const opened = await openCourse();
  const { key } = opened;
  await enrol(key, 1);
  await enrol(key, 2);
  // A first session this morning, before ten: its attendance is ticked today (the later ones on
  // their day).
  const staff = await staffApi(app.server);
  const stored = (await staff.get('programmes')).find((p) => p.id === opened.programme.id);
  const today = app.server.today();
  const morning = { ...stored.sessions[0], starts_at: `${today}T08:00:00`, ends_at: `${today}T09:00:00` };
  await staff.replace('programmes', stored, { ...contentOf(stored), sessions: [morning, ...contentOf(stored).sessions] });
  const programme = await app.server.api(`/api/v1/programmes/${stored.id}`);
  const { page, context, problems } = await openEditor(app.browser, app.server, 'programmes');
  await page.locator('li', { hasText: programme.title.fr }).getByRole('button', { name: 'Modifier' }).click();
  const enrolment = page.locator('fieldset.enrolment');
  assert.equal(await enrolment.getByRole('radio', { name: /^Cours/ }).isChecked(), true);
  await enrolment.getByText('Une inscription pour toutes les séances').waitFor();
  assert.equal(await page.getByLabel('Inscription en ligne (téléphone et PC)').count(), 1, 'the course\'s places, none per session');
  await assertAccessible(page, 'a course in the editor');
  await context.close();

  const roster = await openEditor(app.browser, app.server, 'sign-ups');
  await roster.page.getByLabel('Séance ou activité').selectOption(key);
  const table = roster.page.locator('table.course-roster');
  await table.waitFor();
  assert.equal(await table.locator('thead th').count(), programme.sessions.length + 1, 'a column per session');
  const row = table.locator('tr', { hasText: 'Personne 1' });
  const ofToday = programme.sessions.filter((s) => s.starts_at.slice(0, 10) <= today).length;
  assert.equal(await row.getByRole('button').count(), ofToday, 'only today\'s sessions are ticked yet');
  await row.getByRole('button').first().click();
  await table.locator('tr', { hasText: 'Personne 1' }).getByRole('button', { name: /Présent$/ }).first().waitFor();
  await assertAccessible(roster.page, 'a course\'s roster');
  const list = await roster.page.evaluate(async (k) => (await fetch(`/api/v1/staff/sign-ups/${k}`)).json(), key);
  assert.equal(list.entries.find((e) => e.name === 'Personne 1').attended[0], 'present');

  // The printed roster: one A4 sheet, a column per session to sign on each date.
  await roster.page.goto(`${app.server.url}/print/sign-up-list/${key}?lang=fr`);
  const pdf = await printToPdf(roster.page, 'course-roster');
  assert.deepEqual(pdfInfo(pdf), { pages: 1, size: 'A4', landscape: false });
  const text = pdfText(pdf);
  for (const session of programme.sessions) {
    const [, month, day] = session.starts_at.slice(0, 10).split('-');
    assert.ok(text.includes(`${day}.${month}.`), `a column for ${session.starts_at}: ${text}`);
  }
  assert.match(text, /Personne 1/);
  assertNoProblems([...problems, ...roster.problems]);
  await roster.context.close();
});
