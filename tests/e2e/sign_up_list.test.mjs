// Sign-ups in the editor: the coordinator opens a session's list, sees its places and who is to
// be phoned, ticks attendance in one tap, cancels for someone who phoned (the first one waiting
// gets the place), signs up someone at the desk, and reads the year's figures; the printed list
// and the export are one tap away. In French and German, with axe-core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, assertNoProblems } from './support/browser.mjs';
import { openEditor } from './support/editor.mjs';
import { useApp } from './support/app.mjs';
import { zurichWallClock } from './support/calendar.mjs';
import { contentOf, staffApi } from './support/staff.mjs';

// Ten in the morning: a session later today takes sign-ups and has its attendance ticked today.
const app = useApp({ at: '10:00' });

test('a session\'s list: places, who to phone, attendance in one tap, a cancellation that moves the first one waiting up', async () => {
  // A session of a drop-in programme today at 16:45 (an hour no demo session has), four places.
  const staff = await staffApi(app.server);
  const programme = (await staff.get('programmes')).find((p) => !p.deleted_at && !p.enrolment);
  const today = app.server.today();
  const session = { starts_at: `${today}T16:45:00`, ends_at: `${today}T17:45:00`, place: { fr: 'Salle polyvalente' }, places: { capacity: 4, waiting_list: true } };
  const content = contentOf(programme);
  await staff.replace('programmes', programme, { ...content, sessions: [...content.sessions, session] });
  const key = `programmes/${programme.id}/${today}T16:45`;
  const signUp = (n, extra = {}) => fetch(`${app.server.url}/api/v1/sign-ups/${key}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: `Personne ${n}`, phone: `027 455 10 ${String(n).padStart(2, '0')}`, people: 1, lang: 'fr', ...extra }),
  }).then((r) => r.json());
  await signUp(1, { email: 'personne1@example.ch' });
  for (let n = 2; n <= session.places.capacity; n += 1) await signUp(n);
  const waiting = await signUp(99);
  assert.equal(waiting.status, 'waiting', JSON.stringify(waiting));

  const { page, context, problems } = await openEditor(app.browser, app.server, 'sign-ups');
  // The week at a glance (today's session is within seven days): the places,
  // the waiting list and whom to phone in numbers, and the list one tap away.
  const capacity = session.places.capacity;
  const row = page.locator('table.week-sign-ups tr', { hasText: programme.title.fr }).filter({ hasText: `${capacity} / ${capacity}` });
  await row.waitFor();
  // No relay here: every sign-up is to be phoned, the one waiting too.
  assert.deepEqual((await row.locator('td').allInnerTexts()).slice(2, 5), [`${capacity} / ${capacity}`, '1', String(capacity + 1)]);
  await row.getByRole('button', { name: /^Ouvrir la liste/ }).click();
  assert.equal(await page.getByLabel('Séance ou activité').inputValue(), key);
  const panel = page.locator('.event-panel');
  await panel.getByText(`${session.places.capacity} / ${session.places.capacity} places prises · 1 en attente`).waitFor();
  const person = (name) => panel.locator('li.sign-up').filter({ has: page.locator('strong').getByText(name, { exact: true }) });
  const first = person('Personne 1');
  // This server has no mail relay: no message reaches anyone, so even an e-mail address is to be
  // phoned (with a relay, server/tests/api/sign_up_messages.rs checks that it is not).
  assert.equal(await first.locator('.to-phone').count(), 1, 'an e-mail address but no relay: to be called');
  assert.equal(await person('Personne 2').locator('.to-phone').count(), 1, 'a phone only: to be called');
  await assertAccessible(page, 'a session\'s sign-ups');

  await first.getByRole('button', { name: 'Présent' }).click();
  await first.locator('button[aria-pressed="true"]', { hasText: 'Présent' }).waitFor();
  // Attendance is shown on no screen: the editor promises none.
  assert.equal(await panel.locator('.status.saved').innerText(), 'Enregistré.');
  // Giving up someone's place cannot be undone: asked once more, and nothing moves until yes.
  await person('Personne 2').getByRole('button', { name: 'Annuler l’inscription' }).click();
  await person('Personne 2').getByRole('alert').getByText('Annuler l’inscription de Personne 2 ? Cela ne peut pas être défait').waitFor();
  await person('Personne 2').getByRole('button', { name: 'Annuler', exact: true }).click();
  await person('Personne 2').getByRole('button', { name: 'Annuler l’inscription' }).click();
  assert.ok((await panel.locator('h4', { hasText: 'Inscrits' }).locator('xpath=following-sibling::ul[1]').innerText()).includes('Personne 2'), 'still signed up');
  await person('Personne 2').getByRole('button', { name: 'Oui, annuler l’inscription' }).click();
  await panel.getByText(`${session.places.capacity} / ${session.places.capacity} places prises`, { exact: true }).waitFor();
  const confirmed = await panel.locator('h4', { hasText: 'Inscrits' }).locator('xpath=following-sibling::ul[1]').innerText();
  assert.match(confirmed, /Personne 99/, 'the first one waiting has the place');

  await panel.getByRole('textbox', { name: 'Nom' }).fill('Marcel Berclaz');
  await panel.getByRole('textbox', { name: 'Téléphone' }).fill('027 455 99 88');
  await panel.getByRole('button', { name: 'Inscrire' }).click();
  await panel.locator('li.sign-up', { hasText: 'Marcel Berclaz' }).getByText('Inscrit par : Direction (démo)').waitFor();
  assert.equal(await panel.getByRole('link', { name: 'Imprimer la liste' }).getAttribute('href'), `/print/sign-up-list/${key}?lang=fr`);
  assert.equal(await panel.getByRole('link', { name: 'Exporter pour Excel (CSV)' }).getAttribute('href'), `/api/v1/staff/sign-ups/${key}?format=csv&lang=fr`);

  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.getByRole('heading', { name: 'Zahlen des Jahres, ohne Namen (Bericht an den Kanton)' }).waitFor();
  await page.getByLabel('Treffen oder Aktivität').selectOption(key);
  await page.locator('.event-panel').getByText('Warteliste').first().waitFor();
  await assertAccessible(page, 'the sign-ups in German');
  assertNoProblems(problems);
  await context.close();
});

test('a session taken out of its programme: whom no e-mail told is on the coordinator\'s list to call, with a tap to phone', async () => {
  const now = zurichWallClock(app.server.now()).slice(0, 16);
  const staff = await staffApi(app.server);
  const programmes = (await staff.get('programmes')).filter((p) => !p.deleted_at);
  const programme = programmes.find((p) => p.sessions.some((s) => s.places && s.starts_at.slice(0, 16) > now));
  const session = programme.sessions.filter((s) => s.places && s.starts_at.slice(0, 16) > now).at(-1);
  const key = `programmes/${programme.id}/${session.starts_at.slice(0, 16)}`;
  const signed = await fetch(`${app.server.url}/api/v1/sign-ups/${key}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Odile Salamin', phone: '027 455 77 66', people: 2, lang: 'de' }),
  });
  assert.equal(signed.status, 201, await signed.text());
  const content = contentOf(programme);
  await staff.replace('programmes', programme, { ...content, sessions: content.sessions.filter((s) => s.starts_at !== session.starts_at) });

  const { page, context, problems } = await openEditor(app.browser, app.server, 'sign-ups');
  const off = page.locator('section.events-off');
  await off.getByRole('heading', { name: 'Dates annulées : personnes à appeler' }).waitFor();
  const person = off.locator('li.sign-up', { hasText: 'Odile Salamin' });
  await person.getByText('2 pers. · DE').waitFor();
  assert.equal(await person.getByRole('link', { name: '027 455 77 66' }).getAttribute('href'), 'tel:0274557766');
  await assertAccessible(page, 'the list of people to call');
  assertNoProblems(problems);
  await context.close();
});

test('a list or a calendar the editor cannot load says so, never that there is nothing', async () => {
  const { page, context } = await openEditor(app.browser, app.server, 'sign-ups');
  await page.getByLabel('Séance ou activité').waitFor();
  // The network fails for these answers only (the rest of the editor still loads).
  await page.route('**/api/v1/programmes', (route) => route.abort());
  await page.route('**/api/v1/staff/short-stays', (route) => route.abort());
  const cannotLoad = 'Pas de connexion au serveur : ce qui est affiché n’a pas pu être chargé ou mis à jour.';
  await page.reload();
  await page.getByRole('alert').filter({ hasText: cannotLoad }).first().waitFor();
  assert.equal(await page.getByText('Aucune séance ni activité ne prend').count(), 0, 'not "nothing takes sign-ups"');
  await page.goto(`${app.server.url}/gestion/short-stays`);
  await page.getByRole('alert').filter({ hasText: cannotLoad }).first().waitFor();
  await context.close();
});
