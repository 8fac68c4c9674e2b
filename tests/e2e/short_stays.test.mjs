// The short-stay beds in the editor, on a tablet: a nurse taps the first and the last day of a
// stay, reserves it with initials, and the partners' feed shows the bed taken without the
// initials; extra beds opened for a congestion count in the feed; a request sent by a hospital
// is read, with its wait, and answered. On a phone, a daughter asks for a stay with the form (its
// errors field by field, its number in the answer), in French, and in German at 320 px. In
// French and German, with axe-core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, assertAccessible, assertNoProblems, openPage, waitForContent } from './support/browser.mjs';
import { staffApi } from './support/staff.mjs';
import { openEditor } from './support/editor.mjs';
import { useApp } from './support/app.mjs';

const app = useApp();
const TABLET = { viewport: { width: 1180, height: 820 }, hasTouch: true, isMobile: false };

/** The residence's day `offset` days from the server's today, YYYY-MM-DD. */
const day = (offset) => app.server.day(offset);

test('a stay is reserved by tapping its first and last day, and the feed shows the bed taken, never the initials', async () => {
  const { page, context, problems } = await openEditor(app.browser, app.server, 'short-stays', TABLET);
  await page.getByRole('heading', { name: 'Les lits, huit semaines' }).waitFor();
  const row = page.locator('.bed-calendar tr', { hasText: 'Chambre 21, lit fenêtre' });
  await row.locator(`button[data-date="${day(5)}"]`).waitFor();
  await assertAccessible(page, 'the short-stay calendar');

  // The last day first, then the first: the range is the same.
  await row.locator(`button[data-date="${day(8)}"]`).tap();
  await page.getByText('Touchez maintenant le dernier jour de la période.').waitFor();
  await row.locator(`button[data-date="${day(5)}"]`).tap();
  await row.locator('button[aria-pressed="true"]').nth(3).waitFor();
  assert.equal(await row.locator('button[aria-pressed="true"]').count(), 4, 'four days chosen');
  await page.getByLabel('Réservé').check();
  await page.getByLabel('Initiales (12 caractères au plus, visibles ici seulement)').fill('H.B.');
  await assertAccessible(page, 'the range form');
  await page.getByRole('button', { name: 'Appliquer' }).tap();
  await row.locator(`button.reserved[data-date="${day(5)}"]`).waitFor();
  await row.locator(`button.reserved[data-date="${day(8)}"]`).waitFor();
  assert.equal(await row.locator('button.reserved').count(), 4);
  assert.match(await row.locator(`button[data-date="${day(6)}"]`).textContent(), /Réservé H\.B\./, 'the state in words, and the initials');

  const feed = await app.server.api('/api/v1/short-stays');
  assert.ok(!JSON.stringify(feed).includes('H.B.'), 'the initials stay in the editor');
  const bed = feed.beds.find((b) => b.kind === 'shared_room' && b.free.some((p) => p.to === day(4)));
  assert.ok(bed, `a shared room's free period now ends the day before the stay: ${JSON.stringify(feed.beds)}`);
  assert.ok(bed.free.some((p) => p.from === day(9)), 'and begins again the day after');
  // The browser logs each form sent back with its errors (422); that refusal is the point.
  assertNoProblems(problems.filter((p) => !p.includes('status of 422')));
  await context.close();
});

test('a range over a booking says whose and asks before replacing it; one booked meanwhile at another desk is refused', async () => {
  const { page, context, problems } = await openEditor(app.browser, app.server, 'short-stays', TABLET);
  const row = page.locator('.bed-calendar tr', { hasText: 'Chambre 11' });
  await row.locator(`button.reserved[data-date="${day(2)}"]`).waitFor();
  const choose = async (first, last, initials) => {
    await row.locator(`button[data-date="${first}"]`).tap();
    await row.locator(`button[data-date="${last}"]`).tap();
    await page.getByLabel('Réservé').check();
    await page.getByLabel('Initiales (12 caractères au plus, visibles ici seulement)').fill(initials);
    await page.getByRole('button', { name: 'Appliquer' }).tap();
  };
  // M.B. has the bed: the question names her booking and its days, and cancelling keeps it.
  await choose(day(2), day(4), 'J.I.');
  const short = (date) => `${date.slice(8, 10)}.${date.slice(5, 7)}.`;
  const question = page.getByRole('alert').filter({ hasText: 'Ces jours sont réservés' });
  await question.waitFor();
  assert.match(await question.innerText(), new RegExp(`M\\.B\\. ${short(day(2))} – ${short(day(4))} Les remplacer`));
  await assertAccessible(page, 'the question before replacing a booking');
  await question.getByRole('button', { name: 'Annuler' }).tap();
  await question.waitFor({ state: 'detached' });
  assert.match(await row.locator(`button[data-date="${day(3)}"]`).textContent(), /M\.B\./, 'nothing replaced');
  // Asked again and confirmed: J.I.'s days.
  await page.getByRole('button', { name: 'Appliquer' }).tap();
  await page.getByRole('button', { name: 'Remplacer la réservation' }).tap();
  await row.locator(`button[data-date="${day(3)}"]`, { hasText: 'J.I.' }).waitFor();
  assert.match(await row.locator(`button[data-date="${day(5)}"]`).textContent(), /M\.B\./, 'the rest of her booking stays');

  // A free bed chosen here, booked meanwhile at another desk: the server refuses, the calendar shows it.
  const window = page.locator('.bed-calendar tr', { hasText: 'Chambre 21, lit fenêtre' });
  await window.locator(`button[data-date="${day(10)}"]`).tap();
  await window.locator(`button[data-date="${day(12)}"]`).tap();
  await page.getByLabel('Réservé').check();
  await page.getByLabel('Initiales (12 caractères au plus, visibles ici seulement)').fill('J.I.');
  const staff = await staffApi(app.server);
  const calendar = await staff.get('short-stays');
  const bed = calendar.beds.find((b) => b.name === 'Chambre 21, lit fenêtre');
  await staff.put(`short-stays/beds/${bed.id}/days`, { from: day(11), to: day(11), state: 'reserved', note: 'Z.Z.' });
  await page.getByRole('button', { name: 'Appliquer' }).tap();
  await page.getByText(`Ces jours viennent d'être réservés (Z.Z. ${short(day(11))})`, { exact: false }).waitFor();
  await window.locator(`button[data-date="${day(11)}"]`, { hasText: 'Z.Z.' }).waitFor();
  assert.equal(await window.locator('button', { hasText: 'J.I.' }).count(), 0, 'nothing of the refused change was kept');
  assertNoProblems(problems.filter((p) => !p.includes('status of 422')));
  await context.close();
});

test('extra beds opened for a congestion count in the feed for their period, and a hospital\'s request is read and answered', async () => {
  const before = await app.server.api('/api/v1/short-stays');
  const { page, context, problems } = await openEditor(app.browser, app.server, 'short-stays');
  await page.getByLabel('Du', { exact: true }).fill(day(2));
  await page.getByLabel('Au', { exact: true }).fill(day(6));
  await page.getByLabel('Nombre de lits').fill('2');
  await page.getByRole('button', { name: 'Ouvrir ces lits' }).click();
  await page.locator('section', { hasText: 'Lits supplémentaires' }).getByRole('button', { name: 'Fermer' }).waitFor();
  const after = await app.server.api('/api/v1/short-stays');
  const free = (feed, date) => feed.days.find((d) => d.date === date).free;
  assert.equal(free(after, day(3)), free(before, day(3)) + 2);
  assert.equal(free(after, day(7)), free(before, day(7)));

  const sent = await fetch(`${app.server.url}/api/v1/short-stay-requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ asker: 'hospital', name: 'Anne Zufferey', organisation: 'Hôpital de Sion', phone: '027 603 40 00',
      from: day(10), to: day(24), flexibility: 'days', reason: 'after_hospital', lang: 'fr' }),
  });
  assert.equal(sent.status, 201);
  const { reference } = await sent.json();
  await page.reload();
  const request = page.locator('li.request', { hasText: `n° ${reference}` });
  await request.waitFor();
  assert.match(await request.innerText(), /Nouvelle[\s\S]*Anne Zufferey, Hôpital de Sion · 027 603 40 00[\s\S]*Après un séjour à l'hôpital[\s\S]*Attente/);
  await request.getByRole('button', { name: 'Rappelée' }).click();
  await page.locator('li.request.answered', { hasText: `n° ${reference}` }).waitFor();

  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.getByRole('heading', { name: 'Anfragen für Kurzaufenthalte' }).waitFor();
  assert.match(await page.locator('li.request', { hasText: `n° ${reference}` }).innerText(), /Zurückgerufen[\s\S]*Nach einem Spitalaufenthalt/);
  await assertAccessible(page, 'the short stays in German');
  // The browser logs each form sent back with its errors (422); that refusal is the point.
  assertNoProblems(problems.filter((p) => !p.includes('status of 422')));
  await context.close();
});

test('on a phone, a daughter asks for a short stay: errors field by field, nothing about health, the number to quote', async () => {
  const { page, context, problems } = await openPage(app.browser, { lang: 'fr' });
  await page.goto(`${app.server.url}/info/short_stay`);
  await waitForContent(page);
  await page.getByRole('link', { name: 'Demander un court séjour' }).click();
  await page.getByRole('heading', { level: 1, name: 'Demander un court séjour' }).waitFor();
  assert.match(await page.locator('main').innerText(), /rien sur la santé[\s\S]*effacées 30 jours après la réponse/, 'the consent line');
  assert.equal(await page.locator('textarea').count(), 0, 'no free text, where health would be written');
  await assertAccessible(page, 'the request form');

  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await page.getByRole('alert').getByText('vérifiez les champs signalés').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'name');
  assert.equal(await page.getByLabel('Du', { exact: true }).getAttribute('aria-invalid'), 'true', 'a date is needed');
  await page.getByLabel('Votre nom').fill('Marie Bonvin');
  await page.getByLabel('E-mail', { exact: true }).fill('marie@example.ch');
  await page.getByLabel('Du', { exact: true }).fill(day(-1));
  await page.getByLabel('Au', { exact: true }).fill(day(13));
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await page.getByText('Cette date est déjà passée.').waitFor();
  await assertAccessible(page, 'the request form with its errors');

  await page.getByLabel('Un proche', { exact: true }).check();
  await page.getByLabel('Du', { exact: true }).fill(day(14));
  await page.getByLabel('Au', { exact: true }).fill(day(28));
  await page.getByLabel('À quelques jours près').check();
  await page.getByLabel('Le repos d\'un proche aidant').check();
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  const answer = page.getByRole('heading', { name: /Votre demande est reçue, sous le numéro \d+\./ });
  await answer.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'answer');
  const reference = Number((await answer.innerText()).match(/(\d+)/)[1]);
  await assertAccessible(page, 'the request received');
  const staff = await staffApi(app.server);
  const stored = (await staff.get('short-stay-requests')).find((r) => r.id === reference);
  assert.equal(stored.name, 'Marie Bonvin');
  assert.equal(stored.email, 'marie@example.ch');
  assert.deepEqual([stored.asker, stored.from, stored.to, stored.flexibility, stored.reason], ['relative', day(14), day(28), 'days', 'carers_rest']);
  // The browser logs each form sent back with its errors (422); that refusal is the point.
  assertNoProblems(problems.filter((p) => !p.includes('status of 422')));
  await context.close();
});

test('in German at 320 px the request form fits the phone and says what is wrong in German', async () => {
  const { page, context, problems } = await openPage(app.browser, { lang: 'de', device: { ...PHONE, viewport: { width: 320, height: 640 } } });
  await page.goto(`${app.server.url}/short-stay-requests`);
  await page.getByRole('heading', { level: 1, name: 'Kurzaufenthalt anfragen' }).waitFor();
  await page.getByLabel('Ihr Name').fill('Hans Imboden');
  await page.getByLabel('Telefon', { exact: true }).fill('abc');
  await page.getByLabel('Vom', { exact: true }).fill(day(20));
  await page.getByLabel('Bis', { exact: true }).fill(day(10));
  await page.getByRole('button', { name: 'Anfrage senden' }).click();
  await page.getByText('Ungültige Telefonnummer.').waitFor();
  await page.getByText('Das Ende muss nach dem Beginn liegen.').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320, 'nothing wider than the phone');
  await assertAccessible(page, 'the request form in German at 320 px');
  // The browser logs each form sent back with its errors (422); that refusal is the point.
  assertNoProblems(problems.filter((p) => !p.includes('status of 422')));
  await context.close();
});
