// The residence's screens: a kiosk paired with the code it shows, its settings changed in the
// editor and followed live, a closed kiosk flagged silent (and counted for monitoring), and the
// alarm on every kiosk and phone within 2 s, confirmed by each screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertAccessible, assertNoProblems, openPage, waitForContent } from './support/browser.mjs';
import { useApp } from './support/app.mjs';
import { openEditor } from './support/editor.mjs';
import { PORTRAIT, fitProblems, openKiosk, pairedKiosk, pairingCode, screenSettings as settings } from './support/kiosk.mjs';
import { freePort } from './support/proxy.mjs';
import { staffApi } from './support/staff.mjs';

// A short silence threshold: screens then report every second (a third of it).
const SILENCE_SECS = 4;
const metricsPort = await freePort();
const app = useApp({ args: ['--screen-silence-secs', String(SILENCE_SECS), '--metrics-addr', `127.0.0.1:${metricsPort}`], at: '10:00' });


async function silentScreens() {
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  return Number(text.match(/^plantzette_screens_silent (\d+)$/m)[1]);
}

/** Removes every screen, so that a test counts its own. */
async function removeAllScreens(staff) {
  for (const screen of (await staff.get('screens')).screens) await staff.remove('screens', screen);
}

function screenItem(editor, name) {
  return editor.locator('li.screen', { has: editor.getByText(name, { exact: true }) });
}

test('a kiosk paired with its code follows the hours and language set in the editor, without a reload', async () => {
  // A kiosk opened as any other shows no code and is not known.
  const plain = await openKiosk(app);
  await plain.page.locator('.kiosk-panels').waitFor();
  assert.equal(await plain.page.locator('.pairing-code').count(), 0);
  await plain.context.close();

  const kiosk = await openKiosk(app, undefined, { settings: '?pair' });
  await kiosk.page.locator('.kiosk-panels').waitFor();
  const code = await pairingCode(kiosk.page);
  assert.match(code, /^\d{6}$/);
  // The code takes a line of the home, which still fits the screen, landscape and upright.
  assert.deepEqual(await fitProblems(kiosk.page), [], 'the home with its code fits 1920x1080');
  const upright = await openKiosk(app, undefined, { settings: '?pair', device: PORTRAIT });
  await upright.page.locator('.pairing-code').waitFor();
  assert.deepEqual(await fitProblems(upright.page), [], 'the home with its code fits 1080x1920');
  await upright.context.close();
  await kiosk.page.evaluate(() => { window.notReloaded = true; });

  const { page: editor, context: editorContext, problems: editorProblems } = await openEditor(app.browser, app.server, 'screens');
  const adopt = editor.locator('section', { has: editor.getByRole('heading', { name: 'Ajouter un écran' }) });
  await adopt.getByLabel('Code affiché par l’écran').fill(`${code.slice(0, 3)} ${code.slice(3)}`);
  await adopt.getByLabel('Nom').fill('Hall d’entrée');
  await adopt.getByLabel('Lieu').fill('Rez-de-chaussée');
  await adopt.getByRole('button', { name: 'Enregistrer' }).click();
  // Adopted: the code goes, and the kiosk reports: online.
  await kiosk.page.locator('.pairing-code').waitFor({ state: 'detached' });
  const item = screenItem(editor, 'Hall d’entrée');
  await item.getByText('En ligne').waitFor();
  await assertAccessible(editor, 'the screens page');

  // Its hours set to exclude the kiosk's 10:00, and German: it rests, and speaks German.
  await item.getByRole('button', { name: 'Modifier' }).click();
  await item.getByLabel('Heures d’éveil').fill('11:00-12:00');
  await item.getByLabel('Langue de l’écran').selectOption('de');
  // The page asks the server again every two seconds: what is being typed stays.
  await editor.waitForResponse((response) => response.url().endsWith('/api/v1/staff/screens'));
  assert.equal(await item.getByLabel('Heures d’éveil').inputValue(), '11:00-12:00');
  await item.getByRole('button', { name: 'Enregistrer' }).click();
  await kiosk.page.locator('.night').waitFor({ timeout: 5000 });
  await kiosk.page.locator('html[lang="de"]').waitFor();
  assert.equal(await kiosk.page.evaluate(() => window.notReloaded), true, 'followed without a reload');

  // Back to its day hours: awake again.
  await item.getByRole('button', { name: 'Modifier' }).click();
  await item.getByLabel('Heures d’éveil').fill('07:00-21:00');
  await item.getByRole('button', { name: 'Enregistrer' }).click();
  await kiosk.page.locator('.night').waitFor({ state: 'detached', timeout: 5000 });
  await kiosk.page.locator('.kiosk-panels').waitFor();
  assert.equal(await kiosk.page.locator('html').getAttribute('lang'), 'de');
  assert.equal(await kiosk.page.evaluate(() => window.notReloaded), true);

  assertNoProblems(kiosk.problems);
  assertNoProblems(editorProblems);
  await kiosk.context.close();
  await editorContext.close();
});

test('of three kiosks, the one closed is shown silent within the threshold and counted, then online when reopened', async () => {
  const staff = await staffApi(app.server);
  await removeAllScreens(staff);
  const kiosks = [];
  for (const name of ['Hall', 'Étage 1', 'Étage 2']) kiosks.push(await pairedKiosk(app, staff, name));
  const { page: editor, context: editorContext, problems: editorProblems } = await openEditor(app.browser, app.server, 'screens');
  await editor.locator('li.screen .screen-state.online').nth(2).waitFor();
  assert.equal(await silentScreens(), 0);

  // Its page closed, as a frozen or dark screen stops reporting.
  const closed = kiosks[2];
  await closed.page.close();
  const item = screenItem(editor, 'Étage 2');
  await item.getByText(/^Silencieux depuis \d\d\.\d\d\.\d{4} \d\d:\d\d$/).waitFor({ timeout: (SILENCE_SECS + 4) * 1000 });
  assert.equal(await editor.locator('li.screen.silent').count(), 1, 'only the closed one');
  assert.equal(await silentScreens(), 1);

  // Opened again in the same browser (its credential kept): online.
  const reopened = await closed.context.newPage();
  await reopened.goto(`${app.server.url}/kiosk`);
  await waitForContent(reopened);
  await item.getByText('En ligne').waitFor({ timeout: 5000 });
  assert.equal(await silentScreens(), 0);

  for (const kiosk of kiosks) assertNoProblems(kiosk.problems);
  assertNoProblems(editorProblems);
  for (const kiosk of kiosks) await kiosk.context.close();
  await editorContext.close();
});

test('the alarm is on three kiosks and a phone within 2 s, confirmed by each screen, and ending it brings them back', async () => {
  const staff = await staffApi(app.server);
  await removeAllScreens(staff);
  const kiosks = [
    await pairedKiosk(app, staff, 'Hall'),
    await pairedKiosk(app, staff, 'Étage 1'),
    await pairedKiosk(app, staff, 'Étage 2', { language: 'de' }),
  ];
  // A fourth screen, switched off during the alarm.
  const off = await pairedKiosk(app, staff, 'Cafétéria');
  await off.page.close();
  const phone = await openPage(app.browser);
  await phone.page.goto(`${app.server.url}/activities`);
  await waitForContent(phone.page);
  const { page: editor, context: editorContext, problems: editorProblems } = await openEditor(app.browser, app.server, 'screens');
  await editor.locator('li.screen').nth(3).waitFor();

  await editor.getByRole('button', { name: 'Évacuation' }).click();
  await editor.getByRole('button', { name: 'Déclencher l’alarme sur tous les écrans' }).click();
  // Every screen at once: asked once more, and not raised until yes.
  await editor.getByRole('alert').getByText(/^Déclencher l’alarme\s\? Chaque écran/).waitFor();
  assert.equal(await kiosks[0].page.locator('.alarm-screen').count(), 0, 'not raised by the first click');
  await editor.getByRole('button', { name: 'Oui, déclencher l’alarme' }).click();
  // On every open screen within 2 s, full-screen in its language; at the top of the phone's page.
  await Promise.all([
    ...kiosks.map((kiosk) => kiosk.page.locator('.alarm-screen').waitFor({ timeout: 2000 })),
    phone.page.locator('.alarm-banner').waitFor({ timeout: 2000 }),
  ]);
  for (const kiosk of kiosks) {
    const box = await kiosk.page.locator('.alarm-screen').boundingBox();
    assert.deepEqual([box.x, box.y, box.width, box.height], [0, 0, 1920, 1080], 'the whole screen');
    const size = await kiosk.page.locator('.alarm-screen .alarm-message').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    assert.ok(size >= 64, `large type: ${size}px`);
  }
  assert.match(await kiosks[0].page.locator('.alarm-message').innerText(), /^Évacuation : suivez les indications du personnel/);
  assert.match(await kiosks[2].page.locator('.alarm-message').innerText(), /^Evakuierung: Folgen Sie den Anweisungen des Personals/);
  const banner = await phone.page.locator('.alarm-banner').boundingBox();
  assert.equal(banner.y, 0, 'at the very top of the family page');
  await phone.page.locator('.site-notices').waitFor({ state: 'detached' });
  assert.doesNotMatch(await phone.page.locator('main').innerText(), /Visites ouvertes|Besuche möglich/, 'nothing says visits are open under an evacuation');
  await assertAccessible(kiosks[0].page, 'the kiosk under the alarm');
  await assertAccessible(phone.page, 'a family page under the alarm');

  // Each open screen confirms; the one switched off shows it as soon as it is back.
  await editor.getByText('3 sur 4 écrans l’affichent').waitFor({ timeout: 5000 });
  await editor.getByText('Ne l’affichent pas encore : Cafétéria').waitFor();
  const back = await off.context.newPage();
  await back.goto(`${app.server.url}/kiosk`);
  await back.locator('.alarm-screen').waitFor({ timeout: 5000 });
  await editor.getByText('4 sur 4 écrans l’affichent').waitFor({ timeout: 5000 });

  await editor.getByRole('button', { name: 'Terminer l’alarme' }).click();
  await Promise.all([
    ...[...kiosks.map((kiosk) => kiosk.page), back].map((page) => page.locator('.alarm-screen').waitFor({ state: 'detached', timeout: 2000 })),
    phone.page.locator('.alarm-banner').waitFor({ state: 'detached', timeout: 2000 }),
  ]);
  await kiosks[0].page.locator('.kiosk-panels').waitFor();
  await phone.page.getByRole('heading', { level: 1 }).first().waitFor();
  await phone.page.locator('.site-notices').waitFor();
  const audit = await staff.get('audit');
  assert.deepEqual(audit.slice(0, 2).map((entry) => [entry.action, entry.collection, entry.login]), [['end', 'alarms', 'direction'], ['raise', 'alarms', 'direction']]);

  for (const kiosk of kiosks) assertNoProblems(kiosk.problems);
  assertNoProblems(phone.problems);
  assertNoProblems(editorProblems);
  for (const kiosk of [...kiosks, off]) await kiosk.context.close();
  await phone.context.close();
  await editorContext.close();
});

test('an unpaired page cannot report as a screen, and a revoked screen is refused and shows a new code', async () => {
  const staff = await staffApi(app.server);
  await removeAllScreens(staff);
  const kiosk = await openKiosk(app, undefined, { settings: '?pair' });
  const firstCode = await pairingCode(kiosk.page);
  await staff.create('screens', { code: firstCode, name: 'Hall', place: 'Résidence', settings: settings() });
  await kiosk.page.locator('.pairing-code').waitFor({ state: 'detached' });
  const phone = await openPage(app.browser);
  await phone.page.goto(`${app.server.url}/`);
  const report = (page) => page.evaluate(async () => (await fetch('/api/v1/screen/report', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ content_version: 1, app_build: 'x', language: 'fr', uptime_seconds: 1 }),
  })).status);
  assert.equal(await report(phone.page), 401, 'a phone is no screen');
  assert.equal(await report(kiosk.page), 204);

  const { page: editor, context: editorContext } = await openEditor(app.browser, app.server, 'screens');
  await screenItem(editor, 'Hall').getByRole('button', { name: 'Retirer cet écran' }).click();
  await editor.getByText('Aucun écran n’est encore ajouté.').waitFor();
  assert.equal(await report(kiosk.page), 401, 'its credential is refused');
  // It waits to be adopted again, with a new code.
  await kiosk.page.locator('.pairing-code').waitFor({ timeout: 5000 });
  const newCode = await pairingCode(kiosk.page);
  assert.match(newCode, /^\d{6}$/);
  assert.notEqual(newCode, firstCode, 'a new code, not the one it was adopted with');

  await kiosk.context.close();
  await phone.context.close();
  await editorContext.close();
});
