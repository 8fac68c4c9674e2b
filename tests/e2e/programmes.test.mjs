// Prevention programmes: the list, and each programme's own page with its sessions, price and
// whom to call or write to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, assertNoProblems, openPage, waitForContent } from './support/browser.mjs';
import { fitProblems, openKiosk } from './support/kiosk.mjs';
import { zurichWallClock } from './support/calendar.mjs';
import { useApp } from './support/app.mjs';

const app = useApp({ at: '10:00' });

test('every programme is listed and opens its own page with sessions and contacts', async () => {
  const listing = await app.server.api('/api/v1/programmes');
  assert.ok(listing.items.length >= 3);
  const { page, context, problems } = await openPage(app.browser);
  await page.goto(`${app.server.url}/programmes`);
  await waitForContent(page);
  for (const programme of listing.items) {
    await page.getByRole('link', { name: programme.title.fr }).waitFor();
  }

  const chosen = listing.items[0];
  await page.getByRole('link', { name: chosen.title.fr }).click();
  await page.waitForURL(`**/programmes/${chosen.id}`);
  await page.getByRole('heading', { level: 1, name: chosen.title.fr }).waitFor();
  assert.equal(await page.locator('.sessions li').count(), chosen.sessions.length);
  const phone = page.getByRole('link', { name: /Téléphone/ });
  assert.equal(await phone.getAttribute('href'), `tel:${chosen.contact.phone.replaceAll(' ', '')}`);
  assert.equal(await page.getByRole('link', { name: /E-mail/ }).getAttribute('href'), `mailto:${chosen.contact.email}`);
  await page.getByText(/CHF \d+\.–|Gratuit/).first().waitFor();

  await page.getByRole('link', { name: /Tous les programmes/ }).click();
  await page.waitForURL('**/programmes');
  assertNoProblems(problems);
  await context.close();
});

test('a programme that is not there says so in the reader\'s language, with the way home', async () => {
  for (const [lang, heading, home] of [['fr', 'Page introuvable', "Retour à l'accueil"], ['de', 'Seite nicht gefunden', 'Zur Startseite']]) {
    const { page, context, problems } = await openPage(app.browser, { lang });
    await page.goto(`${app.server.url}/programmes/999999`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    assert.equal(await page.getByRole('alert').count(), 0, 'not told as a server problem');
    await page.getByRole('link', { name: home }).click();
    await waitForContent(page);
    assert.equal(new URL(page.url()).pathname, '/');
    // The browser logs the 404 itself; that answer is the point.
    assert.deepEqual(problems, ['console error: Failed to load resource: the server responded with a status of 404 (Not Found)']);
    await context.close();
  }
});

test('a session\'s places left are on its programme\'s page, follow each sign-up within 5 s, and the kiosk says where to sign up', async () => {
  const now = zurichWallClock(app.server.now()).slice(0, 16);
  const listing = await app.server.api('/api/v1/programmes');
  let chosen;
  for (const programme of listing.items) {
    for (const session of programme.sessions.filter((s) => s.places && s.starts_at.slice(0, 16) > now)) {
      const key = `programmes/${programme.id}/${session.starts_at.slice(0, 16)}`;
      const figures = await app.server.api(`/api/v1/sign-ups/${key}`);
      if (!chosen && figures.window.state === 'open') chosen = { programme, session, key, figures };
    }
  }
  const { programme, session, key, figures } = chosen;
  const left = figures.capacity - figures.taken;
  for (const [lang, before, after] of [['fr', `${left} places libres`, `${left - 1} places libres`], ['de', `${left - 1} Plätze frei`, `${left - 2} Plätze frei`]]) {
    const { page, context, problems } = await openPage(app.browser, { lang });
    await page.goto(`${app.server.url}/programmes/${programme.id}`);
    await waitForContent(page);
    const row = page.locator('.sessions li').nth(programme.sessions.indexOf(session));
    await row.locator('.places', { hasText: before }).waitFor();
    await assertAccessible(page, `a programme with its places (${lang})`);
    const signed = await fetch(`${app.server.url}/api/v1/sign-ups/${key}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: `Visiteur ${lang}`, phone: lang === 'fr' ? '027 455 77 01' : '027 455 77 02', people: 1, lang }),
    });
    assert.equal(signed.status, 201);
    await row.locator('.places', { hasText: after }).waitFor({ timeout: 5000 });
    assertNoProblems(problems);
    await context.close();
  }

  const { page, context, problems } = await openKiosk(app);
  await page.goto(`${app.server.url}/kiosk/programmes/${programme.id}`);
  await waitForContent(page);
  // The sessions may stand on a later page of the programme's: turned to as a resident would.
  const where = page.getByText('Pour vous inscrire, scannez le code avec votre téléphone, ou adressez-vous à la réception.');
  for (let turns = 0; turns < 4 && !(await where.isVisible()); turns += 1) await page.getByRole('button', { name: /Suivant/ }).click();
  await where.waitFor();
  await page.locator('.sessions .places').first().waitFor();
  await page.locator('.sessions img.sign-up-qr').first().waitFor();
  assert.deepEqual(await fitProblems(page), [], 'the places fit the lobby screen');
  assertNoProblems(problems);
  await context.close();
});
