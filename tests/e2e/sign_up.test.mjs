// Signing up on a phone: from a session's "S'inscrire" to the form, errors field by field in the
// reader's language, the answer at once (a place, then a rank on the waiting list, with the
// calendar file and the private link), the private link that shows the sign-up and cancels it
// (the first one waiting moves up, live) and erases its data; on the lobby kiosk a QR code that
// a phone reads as the form's address, and no form. 390 and 320 px wide, FR and DE, axe-core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PHONE, assertAccessible, assertNoProblems, openPage, waitForContent } from './support/browser.mjs';
import { useApp } from './support/app.mjs';
import { zurichWallClock } from './support/calendar.mjs';
import { openKiosk } from './support/kiosk.mjs';

const app = useApp({ at: '10:00' });
const NARROW = { ...PHONE, viewport: { width: 320, height: 640 } };

/** The first demo session still to come whose sign-up is open now, its key and its places. */
async function openSession() {
  const now = zurichWallClock(app.server.now()).slice(0, 16);
  const programmes = await app.server.api('/api/v1/programmes');
  const sessions = programmes.items
    .flatMap((p) => p.sessions.map((s) => ({ programme: p, session: s, key: `programmes/${p.id}/${s.starts_at.slice(0, 16)}` })))
    .filter(({ session }) => session.places && session.starts_at.slice(0, 16) > now)
    .sort((a, b) => a.session.starts_at.localeCompare(b.session.starts_at));
  for (const candidate of sessions) {
    const figures = await app.server.api(`/api/v1/sign-ups/${candidate.key}`);
    if (figures.window.state === 'open' && figures.taken === 0 && figures.waiting === 0) return { ...candidate, figures };
  }
  throw new Error('the demo has a session open for sign-up with nobody signed up');
}

/** Fills the form as a person does. This server has no mail relay: the form asks for a phone
 * number and has no e-mail field (messages.test.mjs fills one in with a relay). */
async function fill(page, { name, phone = '', carer = false, note = '' }, lang = 'fr') {
  const words = lang === 'de'
    ? { name: 'Vorname und Name', phone: 'Telefon', carer: /2 Personen/, note: /Bemerkung/ }
    : { name: 'Nom et prénom', phone: 'Téléphone', carer: /2 personnes/, note: /Remarque/ };
  await page.getByLabel(words.name, { exact: true }).fill(name);
  await page.getByLabel(words.phone, { exact: true }).fill(phone);
  if (carer) await page.getByLabel(words.carer).check();
  await page.getByLabel(words.note).fill(note);
}

test('a daughter signs her father up on her phone: errors field by field, a place, the calendar file and the private link', async () => {
  const { programme, session, key, figures } = await openSession();
  const { page, context, problems } = await openPage(app.browser, { lang: 'fr' });
  await page.goto(`${app.server.url}/programmes/${programme.id}`);
  await waitForContent(page);
  const row = page.locator('.sessions li').filter({ has: page.locator(`a[href="/sign-ups/${key}"]`) });
  await row.getByText(`${figures.capacity} places libres`).waitFor();
  await row.getByRole('link', { name: 'S’inscrire' }).click();
  await page.getByRole('heading', { level: 1, name: /S’inscrire/ }).waitFor();
  assert.match(await page.locator('main').innerText(), /effacées 30 jours après/, 'the consent line says how long the data is kept');
  await assertAccessible(page, 'the sign-up form');

  // Nothing filled in, then a wrong e-mail and an over-long note: each field says what is wrong.
  await page.getByRole('button', { name: 'Envoyer l’inscription' }).click();
  await page.getByRole('alert').getByText('vérifiez les champs signalés').waitFor();
  assert.equal(await page.getByLabel('Nom et prénom', { exact: true }).getAttribute('aria-invalid'), 'true');
  await page.waitForFunction(() => document.activeElement?.id === 'name'); // the first field wrong has the focus
  // Without a mail relay the residence confirms by phone: it asks for a number, and no address.
  await page.locator('#phone-error').getByText('La résidence confirme par téléphone : indiquez votre numéro.').waitFor();
  await page.getByText('La résidence vous appelle pour confirmer : indiquez le numéro où vous joindre.').waitFor();
  assert.equal(await page.getByLabel('E-mail', { exact: true }).count(), 0, 'no e-mail field: nothing would be sent to it');
  await fill(page, { name: 'René Zufferey', phone: '027 abc', note: 'x'.repeat(201) });
  await page.getByRole('button', { name: 'Envoyer l’inscription' }).click();
  await page.getByText('Numéro de téléphone invalide.').waitFor();
  await page.getByText('Trop long : 200 caractères au plus.').waitFor();
  await assertAccessible(page, 'the sign-up form with its errors');

  await fill(page, { name: 'René Zufferey', phone: '027 455 12 34', carer: true, note: 'Vient en bus' });
  await page.getByRole('button', { name: 'Envoyer l’inscription' }).click();
  const answer = page.locator('.sign-up-answer');
  await answer.getByRole('heading', { name: 'C’est noté : votre place est réservée.' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'answer'); // the answer is read first
  await answer.getByText('La résidence vous appellera pour confirmer.').waitFor();
  const calendar = await answer.getByRole('link', { name: 'Ajouter à mon agenda' }).getAttribute('href');
  const ics = await (await fetch(`${app.server.url}${calendar}`)).text();
  assert.match(ics, new RegExp(`DTSTART;TZID=Europe/Zurich:${session.starts_at.slice(0, 16).replace(/[-:]/g, '')}`), 'the session in the calendar file');
  const link = await answer.getByRole('link', { name: /\/sign-up\// }).getAttribute('href');
  assert.match(link, /^\/sign-up\/[A-Za-z0-9_-]{20,}$/, 'an unguessable private link');
  await assertAccessible(page, 'the answer');
  const after = await app.server.api(`/api/v1/sign-ups/${key}`);
  assert.equal(after.taken, 2, 'the person and the carer take two places');
  // The browser logs each form sent back with its errors (422); that refusal is the point.
  assertNoProblems(problems.filter((p) => !p.includes('status of 422')));
  await context.close();

  // The private link, opened later: the sign-up as it stands, then cancelled.
  const later = await openPage(app.browser, { lang: 'fr' });
  await later.page.goto(`${app.server.url}${link}`);
  await later.page.getByRole('heading', { name: 'C’est noté : votre place est réservée.' }).waitFor();
  await later.page.getByText('René Zufferey').waitFor();
  await later.page.getByText('2 personnes').waitFor();
  assert.doesNotMatch(await later.page.locator('main').innerText(), /027 455|Vient en bus/, 'the link shows no more than it must');
  await assertAccessible(later.page, 'the private link');
  await later.page.getByRole('button', { name: 'Annuler mon inscription' }).click();
  await later.page.getByRole('button', { name: 'Oui, annuler' }).click();
  await later.page.getByText('Cette inscription est annulée.').waitFor();
  assert.equal((await app.server.api(`/api/v1/sign-ups/${key}`)).taken, 0, 'the places are given back');
  assertNoProblems(later.problems);
  await later.context.close();
});

test('in German at 320 px: the form fits, a full session puts one on the waiting list, and the private link follows the rank live and erases', async () => {
  const { key, figures } = await openSession();
  const post = (n) => fetch(`${app.server.url}/api/v1/sign-ups/${key}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.0.${n}` },
    body: JSON.stringify({ name: `Person ${n}`, phone: `027 455 20 ${String(n).padStart(2, '0')}`, people: 1, lang: 'de' }),
  }).then((r) => r.json());
  const taken = [];
  for (let n = 1; n <= figures.capacity; n += 1) taken.push(await post(n));
  const before = await post(50);
  assert.equal(before.status, 'waiting');

  const { page, context, problems } = await openPage(app.browser, { lang: 'de', device: NARROW });
  await page.goto(`${app.server.url}/sign-ups/${key}`);
  await page.getByRole('heading', { level: 1, name: /Anmelden/ }).waitFor();
  await page.getByText('Ausgebucht: Warteliste').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320, 'nothing wider than the phone');
  await assertAccessible(page, 'the form in German at 320 px');
  await fill(page, { name: 'Anna Imboden', phone: '079 123 45 67' }, 'de');
  await page.getByRole('button', { name: 'Anmeldung senden' }).click();
  const answer = page.locator('.sign-up-answer');
  await answer.getByRole('heading', { name: /Sie stehen auf der Warteliste, an Stelle 2\./ }).waitFor();
  await answer.getByText('Das Heim ruft Sie zur Bestätigung an.').waitFor();
  const link = await answer.getByRole('link', { name: /\/sign-up\// }).getAttribute('href');

  // The same contact again, as a stranger typing her number would: answered as a newcomer (the
  // next rank, a link of its own), nothing saying that she had signed up; her sign-up stays.
  await page.goto(`${app.server.url}/sign-ups/${key}`);
  await fill(page, { name: 'Anna Imboden', phone: '0791234567' }, 'de');
  await page.getByRole('button', { name: 'Anmeldung senden' }).click();
  await answer.getByRole('heading', { name: /an Stelle 3\./ }).waitFor();
  const echo = await answer.getByRole('link', { name: /\/sign-up\// }).getAttribute('href');
  assert.notEqual(echo, link, 'her link is given once, to her');
  assert.equal(await answer.getByText(/schon angemeldet/).count(), 0);

  // Her private link: she moves up as the one before her cancels, without a reload.
  await page.goto(`${app.server.url}${link}`);
  await page.getByRole('heading', { name: /an Stelle 2\./ }).waitFor();
  const first = await fetch(`${app.server.url}/api/v1/sign-up/${taken[0].token}`, { method: 'DELETE' });
  assert.equal(first.status, 204);
  await page.getByRole('heading', { name: /an Stelle 1\./ }).waitFor({ timeout: 5000 });
  await assertAccessible(page, 'the private link in German at 320 px');
  await page.getByRole('button', { name: 'Absagen und meine Angaben löschen' }).click();
  await page.getByRole('button', { name: 'Ja, absagen' }).click();
  await page.getByText('Ihre Angaben sind gelöscht.').waitFor();
  const gone = await fetch(`${app.server.url}/api/v1${link}`);
  assert.equal(gone.status, 404, 'erased: the link shows nothing any more');
  // The browser logs each form sent back with its errors (422); that refusal is the point.
  assertNoProblems(problems.filter((p) => !p.includes('status of 422')));
  await context.close();
});

test('the lobby kiosk shows no form but a QR code that a phone reads as the session\'s sign-up page', async () => {
  const { programme, key } = await openSession();
  const { page, context, problems } = await openKiosk(app);
  await page.goto(`${app.server.url}/kiosk/programmes/${programme.id}`);
  await waitForContent(page);
  const qr = page.locator(`img.sign-up-qr[src="/api/v1/qr/sign-ups/${key}"]`);
  await qr.waitFor({ state: 'attached' });
  // A long programme pages its sessions to the next screen, as a resident does with a tap.
  while (!(await qr.isVisible())) await page.getByRole('button', { name: /Suivant/ }).click();
  await page.getByText('Pour vous inscrire, scannez le code avec votre téléphone, ou adressez-vous à la réception.').waitFor();
  await page.waitForFunction((selector) => document.querySelector(selector)?.complete, `img.sign-up-qr[src="/api/v1/qr/sign-ups/${key}"]`);
  assert.equal(await page.locator('a[href^="/sign-ups/"], form').count(), 0, 'nobody types personal data on the kiosk');
  const folder = mkdtempSync(path.join(tmpdir(), 'plantzette-qr-'));
  const png = path.join(folder, 'qr.png');
  writeFileSync(png, await qr.screenshot());
  const read = execFileSync('zbarimg', ['--quiet', '--raw', png], { encoding: 'utf8' }).trim();
  assert.equal(read, `${app.server.url}/sign-ups/${key}`, 'the phone opens the form of this session');
  const scrolls = await page.evaluate(() => document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth);
  assert.equal(scrolls, false, 'nothing scrolls');
  await assertAccessible(page, 'a programme on the kiosk with its QR codes');
  // A family's page reached on the kiosk (the form's own address, typed): the kiosk goes home.
  await page.goto(`${app.server.url}/sign-ups/${key}`);
  await page.waitForURL((url) => url.pathname === '/kiosk');
  await waitForContent(page);
  assert.equal(await page.locator('input:not([type=hidden]), textarea').count(), 0, 'no field on the kiosk');
  // The browser logs each form sent back with its errors (422); that refusal is the point.
  assertNoProblems(problems.filter((p) => !p.includes('status of 422')));
  await context.close();
});
