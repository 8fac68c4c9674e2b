// Nothing lost by an edit: for every kind of content, an item with every text in French,
// German and English, every optional field set and every text of paragraphs in paragraphs,
// opened in the editor and saved unchanged, comes back from the API identical but for its
// version. The editor applies its inputs onto
// the item as loaded and edits all three languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems } from './support/browser.mjs';
import { openEditor } from './support/editor.mjs';
import { useApp } from './support/app.mjs';
import { contentOf, staffApi } from './support/staff.mjs';

const app = useApp();

/** `value` with every translatable text (an object with `fr`) given its German and English. */
function inEveryLanguage(value) {
  if (Array.isArray(value)) return value.map(inEveryLanguage);
  if (value === null || typeof value !== 'object') return value;
  const copy = Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, inEveryLanguage(inner)]));
  if (typeof copy.fr === 'string') {
    copy.de ??= `${copy.fr} (de)`;
    copy.en ??= `${copy.fr} (en)`;
  }
  return copy;
}

const text = (fr) => ({ fr, de: `${fr} (de)`, en: `${fr} (en)` });
/** A text of paragraphs, with a line break inside one of them: what a one-line input drops. */
const paragraphs = (fr) => text(`${fr}\n\nTenue confortable,\net chaussures fermées.`);
const dish = (fr, allergens = [], origins) => ({ name: text(fr), allergens, ...(origins && { origins }) });
const addDays = (isoDate, days) => new Date(Date.parse(`${isoDate}T12:00:00Z`) + days * 86400e3).toISOString().slice(0, 10);

/**
 * Makes `kind`'s item `pick` (from the staff list) complete with `complete`, saves it through
 * the API, opens it in the editor with `open` and saves it there unchanged; then compares.
 */
async function keptThroughTheEditor(kind, section, pick, complete, open) {
  const api = await staffApi(app.server);
  const stored = (await api.get(kind)).filter((item) => !item.deleted_at);
  const item = pick(stored);
  const full = inEveryLanguage(complete(contentOf(item)));
  const before = await api.replace(kind, item, full);
  assert.deepEqual(contentOf(before), full, 'the API keeps the full item');

  const { page, context, problems } = await openEditor(app.browser, app.server, section);
  await open(page, full);
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.locator('form.editor-form .status.saved').waitFor();
  const after = await api.get(`${kind}/${item.id}`);
  assert.equal(after.version, before.version + 1, 'saved through the editor');
  assert.deepEqual(contentOf(after), contentOf(before), `the ${kind} came back as it was`);
  assertNoProblems(problems);
  await context.close();
}

/** Clicks "Modifier" on the list's row that names `label`. */
const editRow = (label) => async (page) => {
  await page.locator('li', { hasText: label }).getByRole('button', { name: 'Modifier' }).click();
  await page.getByRole('button', { name: 'Enregistrer' }).waitFor();
};

test('an activity keeps its three languages, description, weekly days and cancelled dates', async () => {
  await keptThroughTheEditor('activities', 'activities', (items) => items.find((a) => a.recurrence && a.description), (a) => ({
    ...a,
    title: text('Gym douce, tous les textes'),
    description: paragraphs('Des exercices assis.'),
    registration_required: true,
    recurrence: { ...a.recurrence, except: [addDays(a.starts_at.slice(0, 10), 14)] },
  }), editRow('Gym douce, tous les textes'));
});

test('an announcement keeps its three languages and its times', async () => {
  await keptThroughTheEditor('announcements', 'announcements', (items) => items[0], (a) => ({ ...a, text: paragraphs('Concert de Noël au salon, tous les textes') }),
    editRow('Concert de Noël au salon, tous les textes'));
});

test('a programme keeps its sessions\' places, price note and audiences in their order', async () => {
  await keptThroughTheEditor('programmes', 'programmes', (items) => items.find((p) => p.audiences.length > 1), (p) => ({
    ...p,
    title: text('Équilibre, tous les textes'),
    summary: paragraphs('Six séances pour garder l\u2019équilibre.'),
    description: paragraphs('Des exercices à refaire chez vous.'),
    audiences: [...p.audiences].reverse(),
    price: { centimes: 1500, note: text('Gratuit pour les résidents') },
  }), editRow('Équilibre, tous les textes'));
});

test('a day\'s menu keeps the courses and meals its form does not show', async () => {
  const monday = (date) => addDays(date, -((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7));
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Zurich' }).format(app.server.now());
  await keptThroughTheEditor('menus', 'menus', (items) => items.find((m) => monday(m.date) === monday(today)), (m) => ({
    ...m,
    meals: [
      { kind: 'dejeuner', main: dish('Pain, beurre et confiture', ['gluten', 'milk']) },
      { kind: 'diner', starter: dish('Soupe du jour', ['celery']), main: dish('Filet de perche, tous les textes', ['fish'], [{ product: 'fish', country: 'CH' }]), dessert: dish('Tarte aux abricots', ['gluten', 'eggs']), vegetarian: dish('Risotto aux bolets', ['milk']), texture_adapted: dish('Filet de perche haché', ['fish'], [{ product: 'fish', country: 'CH' }]) },
      { kind: 'souper', starter: dish('Salade verte'), main: dish('Raclette et viande séchée', ['milk'], [{ product: 'beef', country: 'CH' }, { product: 'pork', country: 'IT' }]), dessert: dish('Sorbet'), vegetarian: dish('Raclette et pommes de terre', ['milk']), texture_adapted: dish('Purée au fromage', ['milk']) },
    ],
  }), async (page) => {
    await page.locator('tr', { hasText: 'Filet de perche, tous les textes' }).getByRole('button', { name: 'Modifier' }).click();
    await page.getByRole('button', { name: 'Enregistrer' }).waitFor();
  });
});

test('an info page keeps its three languages', async () => {
  await keptThroughTheEditor('pages', 'pages', (items) => items.find((p) => p.slug === 'short_stay'), (p) => ({
    ...p, title: text('Courts séjours, tous les textes'), summary: paragraphs('Deux à six semaines.'), body: paragraphs('Nos lits de court séjour.'),
  }), editRow('Courts séjours, tous les textes'));
});

test('the residence keeps its visits message and visiting hours in three languages', async () => {
  await keptThroughTheEditor('residence', 'residence', (items) => items[0], (r) => ({
    ...r, visits: { state: 'restricted', message: paragraphs('Visites sur rendez-vous cette semaine') },
  }), async (page) => {
    await page.getByLabel('Jours (anglais)').first().waitFor();
  });
});

test('a translation still to write is marked, and the English can be entered', async () => {
  const { page, context, problems } = await openEditor(app.browser, app.server, 'announcements');
  await page.getByRole('button', { name: 'Nouveau' }).first().click();
  await page.getByLabel('Texte (français)').fill('Le coiffeur vient jeudi.');
  const missing = page.locator('.missing-note');
  await missing.nth(1).waitFor();
  assert.equal(await missing.count(), 2, 'German and English still to translate');
  await page.getByLabel('Texte (allemand)').fill('Der Coiffeur kommt am Donnerstag.');
  await page.getByLabel('Texte (anglais)').fill('The hairdresser comes on Thursday.');
  await missing.first().waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.locator('form.editor-form .status.saved').waitFor();
  const shown = await app.server.api('/api/v1/announcements');
  assert.ok(shown.items.some((a) => a.text.en === 'The hairdresser comes on Thursday.'), 'the English reaches the app');
  assertNoProblems(problems);
  await context.close();
});
