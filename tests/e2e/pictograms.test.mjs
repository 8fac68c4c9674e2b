// Pictures beside the words: every kind of activity, meal, programme topic and info topic has
// its pictogram, beside its word, on the kiosk (its tiles, its home's panels, the day, the week),
// on a phone and on the printed week; each is one of the set the site serves, and is hidden from
// screen readers (the word is there).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, assertNoProblems, openPage, waitForContent } from './support/browser.mjs';
import { useApp } from './support/app.mjs';
import { openKiosk } from './support/kiosk.mjs';

const app = useApp({ at: '10:00' });

/** The pictograms shown on the page: their file, whether they loaded, their text alternative,
 * and the word they stand beside (their parent's text). */
const pictograms = (page) => page.locator('img.pictogram').evaluateAll((images) => images
  .filter((image) => image.checkVisibility())
  .map((image) => ({
    file: new URL(image.src).pathname,
    loaded: image.complete && image.naturalWidth > 0,
    alt: image.getAttribute('alt'),
    word: image.parentElement.textContent.trim(),
  })));

/** Waits until every pictogram on the page has loaded, and returns them. */
async function shown(page) {
  await page.waitForFunction(() => [...document.querySelectorAll('img.pictogram')].every((image) => image.complete));
  const found = await pictograms(page);
  for (const p of found) {
    assert.ok(p.loaded, `${p.file} loads`);
    assert.equal(p.alt, '', `${p.file} is decorative`);
    assert.match(p.file, /^\/pictograms\/[a-z-]+\.svg$/);
    assert.ok(p.word.length > 0, `${p.file} stands beside a word`);
  }
  return found;
}

test('on the kiosk, the tiles, the home\'s panels and the day\'s activities have their pictograms', async () => {
  const today = await app.server.api('/api/v1/today');
  const { page, context, problems } = await openKiosk(app);
  const home = await shown(page);
  const tiles = home.filter((p) => ['Accueil', 'Programme du jour', 'La semaine', 'Menus', 'Prévention', 'Infos pratiques'].includes(p.word));
  assert.equal(tiles.length, 6, 'a pictogram on each tile');
  for (const panel of ['Activités du jour', 'Menu du jour', 'Annonces']) {
    assert.ok(home.some((p) => p.word.startsWith(panel)), `the panel ${panel}`);
  }
  assert.ok(home.some((p) => p.file === '/pictograms/utensils.svg' && /^Dîner/i.test(p.word)), 'the dîner beside its pictogram');

  await page.getByRole('link', { name: 'Programme du jour' }).click();
  await waitForContent(page);
  const day = await shown(page);
  const first = today.activities[0];
  const kinds = { movement: 'person-standing', music: 'music', memory: 'puzzle', worship: 'church', outing: 'bus', creative: 'palette', social: 'coffee' };
  assert.ok(day.some((p) => p.word === first.title.fr && p.file === `/pictograms/${kinds[first.category]}.svg`), `${first.title.fr}: its kind's pictogram`);
  assertNoProblems(problems);
  await context.close();
});

test('on a phone, the programmes\' topics, the info pages and the menus have theirs', async () => {
  const { page, context, problems } = await openPage(app.browser, { device: PHONE });
  await page.goto(`${app.server.url}/programmes`);
  await waitForContent(page);
  const programmes = await app.server.api('/api/v1/programmes');
  assert.ok((await shown(page)).length >= programmes.items.length, 'a pictogram beside each programme\'s topic');
  await page.goto(`${app.server.url}/info`);
  const pages = await app.server.api('/api/v1/pages');
  assert.ok((await shown(page)).length >= pages.length, 'a pictogram beside each info page');
  await page.goto(`${app.server.url}/menus`);
  const meals = await shown(page);
  assert.ok(meals.some((p) => p.file === '/pictograms/soup.svg' && p.word.startsWith('Souper')), 'the souper beside its pictogram');
  assertNoProblems(problems);
  await context.close();
});

test('the printed week draws the same pictograms beside each activity\'s kind', async () => {
  const { page, context, problems } = await openPage(app.browser, { device: { viewport: { width: 1400, height: 1000 } } });
  await page.goto(`${app.server.url}/print/week`);
  await page.locator('table.week').waitFor();
  const printed = await shown(page);
  const week = await app.server.api('/api/v1/activities');
  assert.equal(printed.filter((p) => p.file.startsWith('/pictograms/')).length, week.items.length, 'one beside each activity');
  assertNoProblems(problems);
  await context.close();
});
