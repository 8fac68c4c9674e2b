// The activities and menus of a week, with the weeks before and after, each a shareable address.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, openPage, waitForContent } from './support/browser.mjs';
import { dayAndMonth, useApp } from './support/app.mjs';

const app = useApp();

test('the activities page lists the week day by day, cancelled ones marked', async () => {
  const week = await app.server.api('/api/v1/activities');
  const { page, context, problems } = await openPage(app.browser);
  await page.goto(`${app.server.url}/activities`);
  await waitForContent(page);

  assert.equal(await page.locator('main section.day').count(), 7);
  assert.ok((await page.getByRole('heading', { level: 1 }).innerText()).includes(dayAndMonth(week.range.to, 'fr')));
  assert.equal(await page.locator('.activity').count(), week.items.length);
  const cancelled = week.items.filter((o) => o.cancelled).length;
  assert.ok(cancelled > 0);
  assert.equal(await page.locator('.activity.cancelled').count(), cancelled);
  assert.equal(await page.locator('.activity.cancelled .badge-cancelled').count(), cancelled, 'cancelled is said in words');
  assertNoProblems(problems);
  await context.close();
});

test('next week is one tap away, and its address opens it directly', async () => {
  const thisWeek = await app.server.api('/api/v1/activities');
  const monday = new Date(`${thisWeek.range.from}T12:00:00Z`);
  monday.setUTCDate(monday.getUTCDate() + 7);
  const nextMonday = monday.toISOString().slice(0, 10);
  const sunday = new Date(monday);
  sunday.setUTCDate(sunday.getUTCDate() + 6);
  const nextSunday = sunday.toISOString().slice(0, 10);
  const nextWeek = await app.server.api(`/api/v1/activities?from=${nextMonday}&to=${nextSunday}`);

  const { page, context, problems } = await openPage(app.browser);
  await page.goto(`${app.server.url}/activities`);
  await waitForContent(page);
  await page.getByRole('link', { name: /Semaine suivante/ }).click();
  await page.waitForURL(`**/activities?week=${nextMonday}`);
  await page.getByRole('heading', { level: 1, name: new RegExp(dayAndMonth(nextSunday, 'fr')) }).waitFor();
  // The heading follows the address at once; this week's list stays until next week's arrives.
  await page.locator(`main section.day h2#day-${nextMonday}`).waitFor();
  assert.equal(await page.locator('.activity').count(), nextWeek.items.length);

  await page.reload();
  await waitForContent(page);
  assert.ok((await page.getByRole('heading', { level: 1 }).innerText()).includes(dayAndMonth(nextSunday, 'fr')));
  await page.getByRole('link', { name: 'Cette semaine' }).click();
  await page.waitForURL('**/activities');
  assertNoProblems(problems);
  await context.close();
});

test('the menus page shows each day\'s dîner and souper with allergens in words', async () => {
  const menus = await app.server.api('/api/v1/menus');
  const { page, context, problems } = await openPage(app.browser);
  await page.goto(`${app.server.url}/menus`);
  await waitForContent(page);

  assert.equal(await page.locator('main section.day').count(), 7);
  assert.equal(await page.getByRole('heading', { level: 3, name: 'Dîner' }).count(), 7);
  assert.equal(await page.getByRole('heading', { level: 3, name: 'Souper' }).count(), 7);
  const perch = menus.items.flatMap((m) => m.meals).find((meal) => meal.main.name.fr.includes('perche'));
  const dish = page.locator('.dish', { hasText: perch.main.name.fr }).first();
  assert.match(await dish.innerText(), /Allergènes\s: .*Poisson/);
  await page.getByText('Végétarien').first().waitFor();
  await page.getByText('Texture adaptée').first().waitFor();
  assertNoProblems(problems);
  await context.close();
});
