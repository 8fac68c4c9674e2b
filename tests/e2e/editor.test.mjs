// The staff editor in Chromium against the real server: an activity leader plans the weekly Mass
// and the open kiosk shows it within seconds; the chef's allergens reach the families' phones;
// errors stand next to their field; two people saving the same item lose nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KIOSK, assertAccessible, assertNoProblems, openPage, waitForContent } from './support/browser.mjs';
import { openEditor, save } from './support/editor.mjs';
import { useApp } from './support/app.mjs';

const app = useApp();

test('a weekly activity entered once shows on the open kiosk within 5 s, and the kiosk never loads the editor', async (t) => {
  const kiosk = await openPage(app.browser, { device: KIOSK });
  const kioskFiles = [];
  kiosk.page.on('request', (request) => kioskFiles.push(new URL(request.url()).pathname));
  await kiosk.page.goto(`${app.server.url}/kiosk`);
  await waitForContent(kiosk.page);
  // The day programme, where the day's first activity stands at the top of page 1.
  await kiosk.page.goto(`${app.server.url}/kiosk/today`);
  await waitForContent(kiosk.page);

  const { page, context, problems } = await openEditor(app.browser, app.server);
  await assertAccessible(page, '/gestion/activities');
  await page.getByRole('button', { name: 'Nouveau' }).click();
  const today = app.server.today();
  await page.getByLabel('Titre (français)').fill('Messe à la chapelle');
  await page.getByLabel('Titre (allemand)').fill('Messe in der Kapelle');
  await page.getByLabel('Lieu (français)').fill('Chapelle, rez-de-chaussée');
  await page.getByLabel('Genre').selectOption({ label: 'Culte' });
  await page.getByLabel('Date', { exact: true }).fill(today);
  await page.getByLabel('Début').fill('06:30');
  await page.getByLabel('Fin').fill('07:15');
  await page.getByLabel('Chaque semaine').check();
  const weekday = new Intl.DateTimeFormat('fr-CH', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${today}T12:00:00Z`));
  for (const box of await page.locator('fieldset', { hasText: 'Jours' }).getByRole('checkbox').all()) await box.uncheck();
  await page.getByLabel(weekday, { exact: true }).check();
  await assertAccessible(page, 'the activity form');

  const started = Date.now();
  await save(page);
  assert.match(await page.locator('form.editor-form .status').innerText(), /Enregistré/);
  await kiosk.page.getByText('Messe à la chapelle').first().waitFor({ timeout: 5000 });
  t.diagnostic(`on the kiosk ${Date.now() - started} ms after Save`);
  const week = await app.server.api('/api/v1/activities');
  assert.ok(week.items.filter((o) => o.title.fr === 'Messe à la chapelle').every((o) => o.recurring));

  assert.ok(kioskFiles.length > 0 && !kioskFiles.some((path) => path.startsWith('/gestion')), 'the kiosk loaded nothing of the editor');
  assertNoProblems(problems);
  assertNoProblems(kiosk.problems);
  await kiosk.context.close();
  await context.close();
});

test('an error stands next to its field, in the editor\'s language, and nothing is saved', async () => {
  const before = await app.server.api('/api/v1/announcements');
  const { page, context, problems } = await openEditor(app.browser, app.server, 'announcements');
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.getByRole('button', { name: 'Neu' }).click();
  await page.getByRole('button', { name: 'Speichern' }).click();
  const text = page.getByLabel('Text (Französisch)');
  await page.getByText('Dieses Feld ist erforderlich.').waitFor();
  assert.equal(await text.getAttribute('aria-invalid'), 'true');
  const describedBy = await text.getAttribute('aria-describedby');
  assert.equal(await page.locator(`#${describedBy}`).innerText(), 'Dieses Feld ist erforderlich.');
  assert.deepEqual(await app.server.api('/api/v1/announcements'), before);
  assertNoProblems(problems);
  await context.close();
});

test('the chef\'s menu with its allergens and the origin of its fish reaches the families\' phones', async () => {
  const { page, context, problems } = await openEditor(app.browser, app.server, 'menus');
  const rows = page.locator('.menu-week tbody tr');
  await rows.first().waitFor();
  await rows.nth(2).getByRole('button', { name: 'Modifier' }).click();
  const diner = page.locator('fieldset.meal-inputs', { hasText: 'Dîner' });
  await diner.getByLabel('Plat (français)').fill('Filets de perche, riz aux herbes');
  const allergens = diner.locator('fieldset.allergens').first();
  for (const box of await allergens.getByRole('checkbox').all()) await box.uncheck();
  await allergens.getByLabel('Poisson').check();
  await allergens.getByLabel('Lait (lactose)').check();
  // Fish declared, its origin not yet: refused, next to the field, in French.
  const origins = diner.locator('fieldset.origins').first();
  const removeOrigin = origins.getByRole('button', { name: 'Retirer' });
  while (await removeOrigin.count()) await removeOrigin.first().click();
  await save(page);
  assert.match(await origins.locator('.field-error').innerText(), /\S/);
  await origins.getByRole('button', { name: 'Ajouter une origine' }).click();
  await origins.getByLabel('Viande ou poisson').selectOption({ label: 'Poisson' });
  await origins.getByLabel('Pays').selectOption({ label: 'Suisse' });
  // The first save's refusal stays on screen until the server answers this one.
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.locator('form.editor-form .status', { hasText: 'Enregistré' }).waitFor();

  const phone = await openPage(app.browser);
  await phone.page.goto(`${app.server.url}/menus`);
  await waitForContent(phone.page);
  const dish = phone.page.locator('.dish', { hasText: 'Filets de perche, riz aux herbes' });
  await dish.waitFor();
  assert.match(await dish.innerText(), /Poisson, Lait \(lactose\)|Lait \(lactose\), Poisson/);
  assert.match(await dish.innerText(), /Origine\s: Poisson \(Suisse\)/);
  assertNoProblems(problems);
  assertNoProblems(phone.problems);
  await phone.context.close();
  await context.close();
});

test('two people saving the same announcement: the second sees the first\'s version, and keeps theirs on purpose', async () => {
  const first = await openEditor(app.browser, app.server, 'announcements');
  const second = await openEditor(app.browser, app.server, 'announcements');
  for (const { page } of [first, second]) await page.getByRole('button', { name: 'Modifier' }).first().click();

  await first.page.getByLabel('Texte (français)').fill('Le coiffeur vient jeudi.');
  await save(first.page);
  await second.page.getByLabel('Texte (français)').fill('Le coiffeur vient vendredi.');
  await save(second.page);
  const conflict = second.page.locator('.status.conflict');
  await conflict.waitFor();
  assert.match(await conflict.innerText(), /Le coiffeur vient jeudi\./, 'the other version is shown');
  assert.equal(await second.page.getByLabel('Texte (français)').inputValue(), 'Le coiffeur vient vendredi.', 'nothing typed is lost');

  await second.page.getByRole('button', { name: /Garder ma version/ }).click();
  await second.page.locator('.status.saved').waitFor();
  const shown = await app.server.api('/api/v1/announcements');
  assert.ok(shown.items.some((a) => a.text.fr === 'Le coiffeur vient vendredi.'));
  assertNoProblems(first.problems);
  // The browser logs the refused save; that refusal is the point.
  assert.deepEqual(second.problems, ['console error: Failed to load resource: the server responded with a status of 412 (Precondition Failed)']);
  await first.context.close();
  await second.context.close();
});

test('suspending visits puts the notice on the open kiosk within 5 s', async () => {
  const kiosk = await openPage(app.browser, { device: KIOSK });
  await kiosk.page.goto(`${app.server.url}/kiosk`);
  await waitForContent(kiosk.page);
  // The day programme, where the day's first activity stands at the top of page 1.
  await kiosk.page.goto(`${app.server.url}/kiosk/today`);
  await waitForContent(kiosk.page);
  const { page, context, problems } = await openEditor(app.browser, app.server, 'residence');
  await page.getByLabel('Visites', { exact: true }).selectOption({ label: 'Visites suspendues' });
  await page.getByLabel('Précision sur les visites (français)').fill('Grippe : visites suspendues jusqu\'à vendredi.');
  await assertAccessible(page, '/gestion/residence');
  await save(page);
  const notice = kiosk.page.locator('.visits-suspended');
  await notice.waitFor({ timeout: 5000 });
  assert.match(await notice.innerText(), /Grippe : visites suspendues jusqu'à vendredi\./);
  assertNoProblems(problems);
  assertNoProblems(kiosk.problems);
  await kiosk.context.close();
  await context.close();
});

test('an administrator sees when the server last took its daily backup', async () => {
  const admin = await openEditor(app.browser, app.server, 'accounts');
  const line = admin.page.locator('.backup-status');
  await line.waitFor();
  // The server took one at its start, today (residence time), and it is not overdue.
  const today = new Intl.DateTimeFormat('de-CH', { timeZone: 'Europe/Zurich', day: '2-digit', month: '2-digit', year: 'numeric' }).format(app.server.now());
  assert.match(await line.innerText(), new RegExp(`^Dernière sauvegarde automatique : ${today.replaceAll('.', '\\.')} \\d\\d:\\d\\d$`));
  assert.equal(await admin.page.getByText('Aucune sauvegarde depuis plus d').count(), 0);
  assertNoProblems(admin.problems);
  await admin.context.close();
});

test('an administrator adds an editor, who can publish but sees no accounts', async () => {
  const admin = await openEditor(app.browser, app.server, 'accounts');
  await admin.page.getByLabel('Identifiant').fill('marie.favre');
  await admin.page.getByLabel('Nom').fill('Marie Favre');
  await admin.page.getByLabel('Mot de passe (12 caractères au moins)').fill('court');
  await admin.page.getByRole('button', { name: 'Enregistrer' }).click();
  await admin.page.getByText('Trop court : 12 caractères au moins.').waitFor();
  await admin.page.getByLabel('Mot de passe (12 caractères au moins)').fill('animation-sierre');
  await admin.page.getByRole('button', { name: 'Enregistrer' }).click();
  await admin.page.getByText('Compte créé.').waitFor();
  await admin.page.getByText('Marie Favre (marie.favre)').waitFor();
  assertNoProblems(admin.problems);
  await admin.context.close();

  const editor = await openPage(app.browser, { device: { viewport: { width: 1366, height: 900 } } });
  await editor.page.goto(`${app.server.url}/gestion/announcements`);
  await editor.page.getByLabel('Identifiant').fill('marie.favre');
  await editor.page.getByLabel('Mot de passe').fill('animation-sierre');
  await editor.page.getByRole('button', { name: 'Se connecter' }).click();
  await editor.page.getByText('Connecté·e : Marie Favre').waitFor();
  assert.equal(await editor.page.getByRole('link', { name: 'Comptes' }).count(), 0);
  assertNoProblems(editor.problems);
  await editor.context.close();
});

test('next week\'s menus start as a copy of this week\'s', async () => {
  const { page, context, problems } = await openEditor(app.browser, app.server, 'menus');
  const monday = page.locator('.menu-week tbody tr').first();
  await monday.waitFor();
  const mondayDish = (await monday.locator('td').first().innerText()).trim();
  await page.getByRole('button', { name: 'Semaine suivante' }).click();
  await page.locator('.menu-week tbody tr').first().getByText('Pas encore de menu').first().waitFor();
  await page.getByRole('button', { name: 'Copier la semaine précédente' }).click();
  await page.getByText('Menus copiés de la semaine précédente').waitFor();
  await page.locator('.menu-week tbody tr').first().getByText(mondayDish).waitFor();
  const next = await app.server.api(`/api/v1/menus?from=${nextMonday()}`);
  assert.equal(next.items.length, 7, 'a menu for each day of next week');
  assertNoProblems(problems);
  await context.close();
});

function nextMonday() {
  const today = new Date(`${app.server.today()}T12:00:00Z`);
  const days = (8 - today.getUTCDay()) % 7 || 7;
  return new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

test('an activity is previewed at kiosk and phone size before it is published', async () => {
  const { page, context, problems } = await openEditor(app.browser, app.server);
  await page.getByRole('button', { name: 'Nouveau' }).click();
  await page.getByLabel('Titre (français)').fill('Atelier tricot');
  await page.getByLabel('Lieu (français)').fill('Salon du 2e');
  await page.getByRole('button', { name: 'Aperçu' }).click();
  for (const [title, textSize] of [['Sur l’écran d’accueil (pas encore publié)', 32], ['Sur un téléphone (pas encore publié)', 16]]) {
    const frame = page.frameLocator(`iframe[title="${title}"]`);
    const shown = frame.locator('.activity .title', { hasText: 'Atelier tricot' });
    await shown.waitFor();
    const size = await frame.locator('.activity .place').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    assert.ok(size >= textSize, `${title}: text ${size} px`);
  }
  const week = await app.server.api('/api/v1/activities');
  assert.ok(!JSON.stringify(week).includes('Atelier tricot'), 'a preview publishes nothing');
  assertNoProblems(problems);
  await context.close();
});

test('a prevention programme is previewed as its own page', async () => {
  const { page, context, problems } = await openEditor(app.browser, app.server, 'programmes');
  await page.getByRole('button', { name: 'Modifier' }).first().click();
  await page.getByLabel('Titre (français)').fill('Marcher sans tomber');
  await page.getByRole('button', { name: 'Aperçu' }).click();
  const phone = page.frameLocator('iframe[title="Sur un téléphone (pas encore publié)"]');
  await phone.getByRole('heading', { level: 1, name: /Marcher sans tomber/ }).waitFor();
  assertNoProblems(problems);
  await context.close();
});

test('a programme\'s new session is given its places in the editor, and takes sign-ups on line', async () => {
  // A drop-in programme's: each session has places of its own (a course's are the course's).
  const programme = (await app.server.api('/api/v1/programmes')).items.find((p) => !p.enrolment);
  const { page, context, problems } = await openEditor(app.browser, app.server, 'programmes');
  await page.locator('li', { hasText: programme.title.fr }).getByRole('button', { name: 'Modifier' }).click();
  const sessions = page.locator('fieldset', { has: page.locator('legend', { hasText: 'Séances' }) });
  await sessions.getByRole('button', { name: 'Ajouter', exact: true }).click();
  const index = programme.sessions.length;
  const added = sessions.locator('.field-row').nth(index);
  const day = app.server.day(9);
  await added.locator(`#session-${index}-date`).fill(day);
  // At an hour no demo session has (they are at 09:30, 14:00, 14:30 and 18:30).
  await added.locator(`#session-${index}-starts`).fill('16:45');
  await added.locator(`#session-${index}-ends`).fill('17:45');
  await added.locator(`#session-${index}-place-fr`).fill('Salle polyvalente');
  await added.getByLabel('Inscription en ligne (téléphone et PC)').check();
  await added.getByLabel('Places (vide : sans limite)').fill('6');
  await assertAccessible(page, 'a programme\'s sessions with their places');
  await save(page);
  await page.locator('form.editor-form .status', { hasText: 'Enregistré' }).waitFor();

  const saved = await app.server.api(`/api/v1/programmes/${programme.id}`);
  const session = saved.sessions.find((s) => s.starts_at.startsWith(`${day}T16:45`));
  assert.deepEqual(session.places, { capacity: 6, waiting_list: true });
  const figures = await app.server.api(`/api/v1/sign-ups/programmes/${programme.id}/${day}T16:45`);
  assert.deepEqual([figures.capacity, figures.taken], [6, 0]);
  assertNoProblems(problems);
  await context.close();
});

test('an activity "sur inscription" is given places and a waiting list, and takes sign-ups on line', async () => {
  const { page, context, problems } = await openEditor(app.browser, app.server);
  await page.getByRole('button', { name: 'Nouveau' }).click();
  const tomorrow = app.server.day(1);
  await page.getByLabel('Titre (français)').fill('Atelier pâtisserie');
  await page.getByLabel('Lieu (français)').fill('Cuisine thérapeutique');
  await page.getByLabel('Date', { exact: true }).fill(tomorrow);
  await page.getByLabel('Début').fill('14:00');
  await page.getByLabel('Fin').fill('15:30');
  await page.getByLabel('Sur inscription').check();
  await page.getByLabel('Inscription en ligne (téléphone et PC)').check();
  // A wrong number stands next to its field, and nothing is saved.
  await page.getByLabel('Places (vide : sans limite)').fill('0');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.locator('.field-error', { hasText: /1.*500/ }).waitFor();
  await page.getByLabel('Places (vide : sans limite)').fill('8');
  await assertAccessible(page, 'the activity form with its places');
  // The first save's refusal stays on screen until the server answers this one.
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.locator('form.editor-form .status', { hasText: 'Enregistré' }).waitFor();

  const day = await app.server.api(`/api/v1/activities?from=${tomorrow}&to=${tomorrow}`);
  const workshop = day.items.find((o) => o.title.fr === 'Atelier pâtisserie');
  assert.deepEqual(workshop.places, { capacity: 8, waiting_list: true });
  const figures = await app.server.api(`/api/v1/sign-ups/activities/${workshop.activity_id}/${tomorrow}`);
  assert.deepEqual([figures.capacity, figures.taken, figures.window.state], [8, 0, 'open']);
  assertNoProblems(problems);
  await context.close();
});
