// What is next is today's next, and what is over says so: at 10:00, a week's lists (a family's
// activities page, the kiosk's week) mark one activity "next", today's first still to come, not
// the first of every day; today's activities already over read "over".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, openPage, waitForContent } from './support/browser.mjs';
import { useApp } from './support/app.mjs';
import { openKiosk } from './support/kiosk.mjs';

const app = useApp({ at: '10:00' });

/** Today's activities as the server has them: the next one to come, and those over. */
async function todaysTimings() {
  const today = await app.server.api('/api/v1/today');
  const now = `${today.date}T10:00`;
  const live = today.activities.filter((o) => !o.cancelled);
  return {
    next: live.find((o) => o.starts_at.slice(0, 16) > now)?.title,
    over: live.filter((o) => o.ends_at.slice(0, 16) <= now).map((o) => o.title),
  };
}

test('a family\'s week marks today\'s next activity alone, and today\'s past ones as over', async () => {
  const { next, over } = await todaysTimings();
  const { page, context, problems } = await openPage(app.browser, { lang: 'de' });
  await page.goto(`${app.server.url}/activities`);
  await waitForContent(page);
  const marked = page.locator('.activity:has(.badge-next)');
  assert.equal(await marked.count(), next ? 1 : 0, 'one "Danach" in the whole week');
  if (next) {
    assert.equal(await page.locator('section.day.today .activity:has(.badge-next)').count(), 1, 'and it is today\'s');
    assert.match(await marked.locator('.title').innerText(), new RegExp(next.de ?? next.fr));
  }
  for (const title of over) {
    const item = page.locator('section.day.today .activity', { hasText: title.de ?? title.fr }).first();
    assert.match(await item.locator('.badges').innerText(), /Vorbei/, `${title.fr} is over`);
  }
  assertNoProblems(problems);
  await context.close();
});

test('the kiosk\'s week marks today\'s next activity, and the other days none', async () => {
  const { next } = await todaysTimings();
  const { page, context, problems } = await openKiosk(app);
  await page.getByRole('link', { name: 'La semaine' }).click();
  await page.locator('.day-tabs [aria-current="true"]').waitFor();
  await waitForContent(page);
  await page.locator('.activity, .empty').first().waitFor();
  // Today's list may page its next one to a later page: at most one, never two.
  assert.ok(await page.locator('.activity .badge-next').count() <= (next ? 1 : 0), 'today: its next one at most');
  // A later day of the week (or an earlier one on a Sunday): nothing there is "next" yet.
  const later = page.locator('.day-tabs li:has(a[aria-current="true"]) ~ li a').first();
  const other = (await later.count()) ? later : page.locator('.day-tabs a:not([aria-current="true"])').first();
  const name = await other.innerText();
  await other.click();
  await page.locator('.day-tabs a[aria-current="true"]', { hasText: name }).waitFor();
  await page.locator('.activity, .empty').first().waitFor();
  assert.equal(await page.locator('.activity .badge-next').count(), 0, 'another day has no "next"');
  assertNoProblems(problems);
  await context.close();
});
