// On paper: the week's programme (A4 and A3), the week's menus and today's sheet, printed by
// Chromium to PDF and read back with poppler and zbar, in French, German and both; then from the
// editor's print page, previewed and printed in two clicks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, openPage } from './support/browser.mjs';
import { openEditor } from './support/editor.mjs';
import { useApp } from './support/app.mjs';
import { makeBusyDay } from './support/busy_day.mjs';
import { pdfInfo, pdfText, printToPdf, qrCodes } from './support/pdf.mjs';

const app = useApp();

/** Opens a printed document by its address and prints it to PDF. */
async function printed(path, name) {
  const { page, context, problems } = await openPage(app.browser);
  await page.goto(`${app.server.url}${path}`);
  await page.evaluate(() => document.fonts.ready);
  const pdf = await printToPdf(page, name);
  return { page, context, problems, pdf };
}

const words = (text) => text.replace(/\s+/g, ' ').trim();
const LANGS = { fr: ['fr'], de: ['de'], 'fr+de': ['fr', 'de'] };

test('the week\'s programme prints on one A4 and one A3 page with every activity and prevention session, in French, German and both', async () => {
  const week = await app.server.api('/api/v1/activities');
  const monday = week.range.from;
  const programmes = (await app.server.api(`/api/v1/programmes?from=${week.range.from}&to=${week.range.to}`)).items;
  const sessions = programmes.flatMap((p) => p.sessions.filter((s) => s.starts_at.slice(0, 10) >= week.range.from && s.starts_at.slice(0, 10) <= week.range.to).map(() => p));
  for (const [lang, langs] of Object.entries(LANGS)) {
    for (const size of ['a4', 'a3']) {
      const { page, context, problems, pdf } = await printed(`/print/week?from=${monday}&lang=${encodeURIComponent(lang)}&size=${size}`, `week-${size}-${lang}`);
      const info = pdfInfo(pdf);
      assert.equal(info.size, size.toUpperCase());
      assert.ok(info.landscape, 'landscape');
      if (lang !== 'fr+de') assert.equal(info.pages, 1, `the demo week on one ${size} page (${lang})`);
      const text = pdfText(pdf);
      for (const l of langs) {
        for (const o of week.items) assert.ok(text.includes(words(o.title[l] ?? o.title.fr)), `${o.title.fr} (${l}, ${size})`);
        for (const p of sessions) assert.ok(text.includes(words(p.title[l] ?? p.title.fr)), `session of ${p.title.fr}`);
      }
      assert.match(text, lang === 'de' ? /Wochenprogramm/ : /Programme de la semaine/);
      assert.deepEqual(qrCodes(pdf), [`${app.server.url}/activities?week=${monday}`]);
      // Printed, no text of the poster is under its minimum: 12 pt on A4, 18 pt on A3 (1 pt = 4/3 px).
      const minimum = (size === 'a4' ? 12 : 18) * 4 / 3;
      const smallest = await page.evaluate(() => Math.min(...[...document.querySelectorAll('body *')]
        .filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()))
        .map((e) => parseFloat(getComputedStyle(e).fontSize))));
      assert.ok(smallest >= minimum - 0.01, `smallest text ${smallest} px, at least ${minimum} px on ${size}`);
      assertNoProblems(problems);
      await context.close();
    }
  }
});

test('the week\'s menus print every dish with its allergens and the origin of its meat and fish, and the allergen notice', async () => {
  const menus = await app.server.api('/api/v1/menus');
  const monday = menus.range.from;
  for (const lang of ['fr', 'de']) {
    const { context, problems, pdf } = await printed(`/print/menus?from=${monday}&lang=${lang}`, `menus-${lang}`);
    assert.equal(pdfInfo(pdf).size, 'A4');
    const text = pdfText(pdf);
    for (const menu of menus.items) {
      for (const meal of menu.meals) {
        for (const course of ['starter', 'main', 'vegetarian', 'texture_adapted', 'dessert']) {
          const dish = meal[course];
          if (dish) assert.ok(text.includes(words(dish.name[lang] ?? dish.name.fr)), `${dish.name.fr} (${lang})`);
        }
      }
    }
    if (lang === 'fr') {
      assert.match(text, /Origine : Poisson \(Pologne\)/);
      assert.match(text, /Origine : Volaille \(Suisse\)/);
      assert.match(text, /Allergènes : Poisson, Lait \(lactose\), Œufs/);
      assert.match(text, /Les 14 allergènes de la loi suisse sont déclarés/);
    } else {
      assert.match(text, /Herkunft: Fisch \(Polen\)/);
      assert.match(text, /Die 14 Allergene des Schweizer Rechts/);
    }
    assert.deepEqual(qrCodes(pdf), [`${app.server.url}/menus?week=${monday}`]);
    assertNoProblems(problems);
    await context.close();
  }
});

test('today\'s sheet prints on one A4 page in very large print: the day, the date, the season, the activities and the meals', async () => {
  const today = await app.server.api('/api/v1/today');
  for (const lang of ['fr', 'de', 'fr+de']) {
    const { page, context, problems, pdf } = await printed(`/print/today?from=${today.date}&lang=${encodeURIComponent(lang)}`, `today-${lang}`);
    const info = pdfInfo(pdf);
    assert.deepEqual([info.size, info.landscape, info.pages], ['A4', false, 1]);
    const text = pdfText(pdf);
    const weekday = (l) => new Intl.DateTimeFormat(l === 'de' ? 'de-CH' : 'fr-CH', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${today.date}T12:00:00Z`));
    for (const l of LANGS[lang]) {
      assert.ok(text.toLowerCase().includes(weekday(l).toLowerCase()), `${weekday(l)} in ${text}`);
      for (const o of today.activities.filter((a) => !a.cancelled)) assert.ok(text.includes(words(o.title[l] ?? o.title.fr)), o.title.fr);
      const diner = today.menu.meals.find((meal) => meal.kind === 'diner');
      assert.ok(text.includes(words(diner.main.name[l] ?? diner.main.name.fr)));
    }
    assert.match(text, lang === 'de' ? /Jahreszeit: (Frühling|Sommer|Herbst|Winter)/ : /Saison : (printemps|été|automne|hiver)/);
    const smallest = await page.evaluate(() => Math.min(...[...document.querySelectorAll('body *')]
      .filter((e) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()))
      .map((e) => parseFloat(getComputedStyle(e).fontSize))));
    assert.ok(smallest >= 28 * 4 / 3 - 0.01, `smallest text ${smallest} px`);
    assert.deepEqual(qrCodes(pdf), [`${app.server.url}/`]);
    assertNoProblems(problems);
    await context.close();
  }
});

test('the editor prints in two clicks: Print, then Print, with the document previewed as chosen', async () => {
  const { page, context, problems } = await openEditor(app.browser, app.server, 'activities');
  await page.addInitScript(() => { window.print = () => { window.top.printed = (window.top.printed ?? 0) + 1; }; });
  await page.getByRole('link', { name: 'Imprimer' }).click();
  const preview = page.frameLocator('iframe[title="Aperçu"]');
  await preview.getByRole('heading', { name: 'Programme de la semaine' }).waitFor();
  await page.getByRole('button', { name: 'Imprimer' }).click();
  await page.waitForFunction(() => window.printed === 1);

  await page.getByLabel('Document').selectOption({ label: 'Menus de la semaine' });
  await page.getByLabel('Langue').selectOption({ label: 'En français et en allemand' });
  await preview.getByRole('heading', { name: 'Menus de la semaine / Menüs der Woche' }).waitFor();
  const address = await page.locator('iframe[title="Aperçu"]').getAttribute('src');
  assert.match(address, /^\/print\/menus\?from=\d{4}-\d{2}-\d{2}&lang=fr%2Bde$/);
  assertNoProblems(problems);
  await context.close();
});

test('a fuller week goes on over a second page with its header repeated, no activity cut in two', async () => {
  await makeBusyDay(app.server);
  const week = await app.server.api('/api/v1/activities');
  const { context, problems, pdf } = await printed(`/print/week?from=${week.range.from}&lang=fr%2Bde&size=a4`, 'week-a4-fuller');
  const { pages } = pdfInfo(pdf);
  assert.ok(pages >= 2, `${pages} pages`);
  const texts = Array.from({ length: pages }, (_, i) => pdfText(pdf, i + 1));
  for (const text of texts) assert.match(text, /Programme de la semaine \/ Wochenprogramm/, 'the header on every page');
  for (const o of week.items) {
    const whole = `${o.starts_at.slice(11, 16)}–${o.ends_at.slice(11, 16)} ${words(o.title.fr)}`;
    assert.ok(texts.some((text) => text.includes(whole)), `${whole} whole on one page`);
  }
  assertNoProblems(problems);
  await context.close();
});
