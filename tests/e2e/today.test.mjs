// The today page shows the residence's day from the real server, in French by default and in
// German at one tap, remembered across reloads, in Swiss time whatever the phone's time zone,
// and turns to the next day at midnight by itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, openPage, waitForContent } from './support/browser.mjs';
import { dayAndMonth, useApp } from './support/app.mjs';
import { sierreInstant } from './support/calendar.mjs';
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
  assert.equal(await page.locator('.time-zone-note').count(), 0, 'in Switzerland, times need no explanation');
  assertNoProblems(problems);
  await context.close();
});

test('German is one tap away, labels and content alike, keeps the focus, and stays chosen after a reload', async () => {
  const today = await app.server.api('/api/v1/today');
  const { page, context, problems } = await openPage(app.browser);
  await page.goto(app.server.url);
  await waitForContent(page);

  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.getByRole('heading', { level: 1, name: /Heute/ }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Deutsch' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('html').getAttribute('lang'), 'de');
  await page.waitForFunction(() => document.activeElement?.textContent === 'Deutsch');
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
  assertNoProblems(problems);
  await context.close();
});

test('the day turns at midnight without a reload', async () => {
  const today = await app.server.api('/api/v1/today');
  const next = new Date(`${today.date}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const tomorrowDate = next.toISOString().slice(0, 10);
  const tomorrow = await app.server.api(`/api/v1/today?date=${tomorrowDate}`);
  const { page, context, problems } = await openPage(app.browser);
  await installClock(page, { time: sierreInstant(`${today.date}T23:59`) });
  await page.goto(app.server.url);
  await waitForContent(page);
  assert.ok((await page.getByRole('heading', { level: 1 }).innerText()).includes(dayAndMonth(today.date, 'fr')));

  const turned = page.waitForResponse(`**/api/v1/today?date=${tomorrowDate}`);
  await page.clock.fastForward(90_000);
  await turned;
  await page.getByRole('heading', { level: 1, name: new RegExp(dayAndMonth(tomorrowDate, 'fr')) }).waitFor();
  await page.getByRole('heading', { level: 3, name: tomorrow.activities[0].title.fr }).first().waitFor();
  assertNoProblems(problems);
  await context.close();
});
