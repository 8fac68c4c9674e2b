// The today page shows the residence's day from the real server, in French by default and in
// German at one tap, remembered across reloads, in Swiss time whatever the phone's time zone,
// and, left open, asks the server again each minute, so that it follows the clock (the day
// turning at midnight, "now on", notices shown until a time: server/tests/api/pages.rs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, openPage, waitForContent } from './support/browser.mjs';
import { dayAndMonth, useApp } from './support/app.mjs';
import { installClock } from './support/clock.mjs';

const app = useApp();

test('today shows the date, the day\'s activities and its menu from the server', async () => {
  const today = await app.server.api('/api/v1/today');
  const { page, context, problems } = await openPage(app.browser);
  await page.goto(app.server.url);
  await waitForContent(page);

  const heading = await page.getByRole('heading', { level: 1 }).innerText();
  assert.match(heading, /Aujourd'hui/i);
  assert.ok(heading.includes(dayAndMonth(today.date, 'fr')), `${heading} names ${today.date}`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr');

  assert.ok(today.activities.length > 0, 'the demo plans something every day');
  for (const activity of today.activities) {
    await page.getByRole('heading', { level: 3, name: activity.title.fr }).first().waitFor();
  }
  const diner = today.menu.meals.find((meal) => meal.kind === 'diner');
  await page.getByText(diner.main.name.fr, { exact: true }).waitFor();
  await page.getByRole('heading', { name: 'Dîner' }).waitFor();
  await page.getByText(/Allergènes\s:/).first().waitFor();
  await page.getByText('Visites ouvertes').waitFor();
  assert.equal(await page.locator('.time-zone-note').isVisible(), false, 'in Switzerland, times need no explanation');
  assertNoProblems(problems);
  await context.close();
});

test('German is one tap away, labels and content alike, and stays chosen after a reload', async () => {
  const today = await app.server.api('/api/v1/today');
  const { page, context, problems } = await openPage(app.browser);
  await page.goto(app.server.url);
  await waitForContent(page);

  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.getByRole('heading', { level: 1, name: /Heute/ }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Deutsch' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  await page.getByRole('heading', { level: 3, name: today.activities[0].title.de }).first().waitFor();
  await page.getByRole('link', { name: 'Aktivitäten' }).waitFor();

  await page.reload();
  await waitForContent(page);
  await page.getByRole('heading', { level: 1, name: /Heute/ }).waitFor();
  assertNoProblems(problems);
  await context.close();
});

test('a phone in New York sees the residence\'s day and Swiss times', async () => {
  const today = await app.server.api('/api/v1/today');
  const { page, context, problems } = await openPage(app.browser, { timezoneId: 'America/New_York' });
  await page.goto(app.server.url);
  await waitForContent(page);
  const heading = await page.getByRole('heading', { level: 1 }).innerText();
  assert.ok(heading.includes(dayAndMonth(today.date, 'fr')), `${heading} names the Swiss date ${today.date}`);
  const first = today.activities[0];
  const span = `${first.starts_at.slice(11, 16)}–${first.ends_at.slice(11, 16)}`;
  await page.getByText(span, { exact: true }).first().waitFor();
  // Said once the page runs (its island): times are Swiss.
  await page.locator('.time-zone-note').getByText('Toutes les heures sont celles de Sierre (Suisse).').waitFor();
  assertNoProblems(problems);
  await context.close();
});

test('a page left open asks the server again each minute', async () => {
  const { page, context, problems } = await openPage(app.browser);
  await installClock(page);
  const streamOpen = page.waitForResponse('**/api/v1/events');
  await page.goto(app.server.url);
  await waitForContent(page);
  await streamOpen;
  const asked = page.waitForRequest((request) => request.url() === `${app.server.url}/` && request.headers().accept === 'text/html');
  await page.clock.fastForward(61_000);
  await asked;
  assertNoProblems(problems);
  await context.close();
});
