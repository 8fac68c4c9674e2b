// Prevention programmes: the list, and each programme's own page with its sessions, price and
// whom to call or write to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, openPage, waitForContent } from './support/browser.mjs';
import { useApp } from './support/app.mjs';

const app = useApp();

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
