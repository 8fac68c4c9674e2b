// Practical info: visiting hours and status, how to reach the residence, and the info pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, openPage, waitForContent } from './support/browser.mjs';
import { useApp } from './support/app.mjs';

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

test('the short-stay page tells how many beds are free', async () => {
  const shortStay = await app.server.api('/api/v1/pages/short_stay');
  const { page, context, problems } = await openPage(app.browser);
  await page.goto(`${app.server.url}/info`);
  await waitForContent(page);
  await page.getByRole('link', { name: shortStay.title.fr }).click();
  await page.waitForURL('**/info/short_stay');
  await page.getByText(new RegExp(`Lits libres\\s: ${shortStay.beds.available} sur ${shortStay.beds.total}`)).waitFor();
  assertNoProblems(problems);
  await context.close();
});

test('an unknown address is a page that leads home, not a dead end', async () => {
  const { page, context, problems } = await openPage(app.browser);
  await page.goto(`${app.server.url}/nowhere/at/all`);
  await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
  await page.getByRole('link', { name: "Retour à l'accueil" }).click();
  await page.getByRole('heading', { level: 1, name: /Aujourd'hui/ }).waitFor();
  assertNoProblems(problems);
  await context.close();
});
