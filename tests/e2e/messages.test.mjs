// The forms end to end with their e-mail, through a real relay on loopback: a sign-up on a phone
// in German whose answer says an e-mail is on its way, the message received in German with the
// session's .ics and the private link, which opens the sign-up in the browser; a short-stay
// request sent with the phone's form, announced to the admissions office without the person's
// name or contact.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, waitForContent } from './support/browser.mjs';
import { zurichWallClock } from './support/calendar.mjs';
import { freePort } from './support/proxy.mjs';
import { startRelay } from './support/relay.mjs';
import { startServer } from './support/server.mjs';

const app = {};
before(async () => {
  app.relay = await startRelay();
  // The public address is the server's own: the links in the messages lead back to it.
  const port = await freePort();
  app.server = await startServer({ port, args: ['--public-url', `http://127.0.0.1:${port}`, ...app.relay.args('admissions@plantzette.example.ch')] });
  app.browser = await launchBrowser();
});
after(async () => {
  await app.browser?.close();
  await app.server?.stop();
  app.relay?.stop();
});

const day = (offset) => app.server.day(offset);

test('a sign-up on the phone is confirmed by e-mail in its language, with the calendar file and a link that opens it', async () => {
  const now = zurichWallClock(app.server.now()).slice(0, 16);
  const programmes = await app.server.api('/api/v1/programmes');
  const keys = programmes.items.flatMap((p) => p.sessions.filter((s) => s.places && s.starts_at.slice(0, 16) > now).map((s) => `programmes/${p.id}/${s.starts_at.slice(0, 16)}`));
  let key;
  for (const candidate of keys) if ((await app.server.api(`/api/v1/sign-ups/${candidate}`)).window.state === 'open') { key = candidate; break; }

  const { page, context, problems } = await openPage(app.browser, { lang: 'de' });
  await page.goto(`${app.server.url}/sign-ups/${key}`);
  await page.getByLabel('Vorname und Name').fill('Hedwig Kuonen');
  await page.getByLabel('E-Mail', { exact: true }).fill('hedwig@example.ch');
  await page.getByRole('button', { name: 'Anmeldung senden' }).click();
  const answer = page.locator('.sign-up-answer');
  await answer.getByRole('heading', { name: 'Erledigt: Ihr Platz ist reserviert.' }).waitFor();
  await answer.getByText('Eine Bestätigung geht per E-Mail an die angegebene Adresse').waitFor();

  const [message] = await app.relay.received(1);
  assert.deepEqual(message.rcpt_tos, ['hedwig@example.ch']);
  assert.equal(message.tls, true, 'over STARTTLS');
  const text = message.parts.find((p) => p.type === 'text/plain').text;
  assert.match(message.subject, /^Anmeldung bestätigt: /, 'in German');
  assert.match(text, /Ihr Platz ist bestätigt\./);
  assert.doesNotMatch(`${message.subject}\n${text}`, /Hedwig|Kuonen/, 'no name in the message');
  assert.ok(message.parts.some((p) => p.type === 'text/calendar'), 'the session as a calendar file');
  const link = text.match(/http:\/\/127\.0\.0\.1:\d+\/sign-up\/\S+/)[0];

  await page.goto(link);
  await page.getByRole('heading', { name: 'Erledigt: Ihr Platz ist reserviert.' }).waitFor();
  await page.getByText('Hedwig Kuonen').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a short-stay request sent with the phone\'s form is announced to the admissions office, without the person', async () => {
  const { page, context, problems } = await openPage(app.browser, { lang: 'fr' });
  await page.goto(`${app.server.url}/short-stay-requests`);
  await waitForContent(page);
  await page.getByLabel('Le service de liaison d\'un hôpital ou d\'une clinique').check();
  await page.getByLabel('Votre nom').fill('Anne Zufferey');
  await page.getByLabel('Hôpital, clinique ou cabinet (facultatif)').fill('Hôpital de Sion');
  await page.getByLabel('Téléphone', { exact: true }).fill('027 603 40 00');
  await page.getByLabel('Du', { exact: true }).fill(day(10));
  await page.getByLabel('Au', { exact: true }).fill(day(24));
  await page.getByLabel('Après un séjour à l\'hôpital').check();
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  const answer = page.getByRole('heading', { name: /Votre demande est reçue, sous le numéro \d+\./ });
  await answer.waitFor();
  const reference = (await answer.innerText()).match(/(\d+)/)[1];

  const messages = await app.relay.received(2);
  const told = messages.find((m) => m.rcpt_tos.includes('admissions@plantzette.example.ch'));
  assert.ok(told, 'the admissions office is told');
  const body = `${told.subject}\n${told.parts.map((p) => p.text).join('\n')}`;
  assert.match(told.subject, new RegExp(`^Demande de court séjour n° ${reference}, `), 'with the request\'s number');
  for (const personal of ['Anne Zufferey', 'Hôpital de Sion', '027 603 40 00']) assert.ok(!body.includes(personal), `not ${personal}`);
  assert.deepEqual(problems, []);
  await context.close();
});
