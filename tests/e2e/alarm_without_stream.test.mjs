// The alarm reaches screens that hold no live-update stream: with the address's share of
// streams taken (phones behind one guest Wi-Fi on a Sunday), a phone and an adopted kiosk opened
// then are refused theirs, and still show an alarm raised by staff within 20 s, the kiosk
// confirms it, and both drop it within 20 s of its end. They poll for it, as for content.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, waitForContent } from './support/browser.mjs';
import { useApp } from './support/app.mjs';
import { openKiosk } from './support/kiosk.mjs';
import { staffApi } from './support/staff.mjs';
import { until } from './support/wait.mjs';

const SHARE = 3;
const WITHIN = 20000;
const app = useApp({ args: ['--max-event-streams-per-address', String(SHARE)], at: '10:00' });

/** Opens streams from this test's address until `count` are held; returns how to let them go. */
async function holdStreams(count) {
  const held = [];
  // A page just closed may not have given its stream back yet.
  await until(`${count} streams held`, async () => {
    const controller = new AbortController();
    const response = await fetch(`${app.server.url}/api/v1/events`, { signal: controller.signal });
    if (response.status === 200) held.push(controller);
    else await response.body?.cancel();
    return held.length === count;
  });
  return () => held.forEach((controller) => controller.abort());
}

test('with the address\'s streams all taken, a phone and a kiosk show the alarm within 20 s, and drop it after', async () => {
  const staff = await staffApi(app.server);
  // The kiosk is adopted while it has its stream, then opened again when none is left.
  const paired = await openKiosk(app, undefined, { settings: '?pair' });
  const code = (await paired.page.locator('.pairing-code strong').innerText()).replace(/\s/g, '');
  await staff.create('screens', { code, name: 'Hall', place: '', settings: {
    hours: '00:00-00:00', idle_seconds: 60, language: 'fr', highlight_seconds: 10, orientation: 'auto', tiles: ['today', 'menus'] } });
  await paired.page.locator('.pairing-code').waitFor({ state: 'detached' });
  await paired.page.close();
  const release = await holdStreams(SHARE);
  try {
    const refused = await fetch(`${app.server.url}/api/v1/events`);
    assert.equal(refused.status, 503, 'the share is taken');
    await refused.body?.cancel();

    const kiosk = await paired.context.newPage();
    const kioskStream = kiosk.waitForResponse('**/api/v1/events');
    await kiosk.goto(`${app.server.url}/kiosk`);
    await waitForContent(kiosk);
    assert.equal((await kioskStream).status(), 503, 'the kiosk has no stream');
    const phone = await openPage(app.browser);
    const phoneStream = phone.page.waitForResponse('**/api/v1/events');
    await phone.page.goto(`${app.server.url}/`);
    await waitForContent(phone.page);
    assert.equal((await phoneStream).status(), 503, 'the phone has no stream');

    const raised = Date.now();
    const alarm = await staff.create('alarm', { message: { fr: 'Visites suspendues', de: 'Besuche ausgesetzt' } });
    await Promise.all([
      kiosk.locator('.alarm-screen').waitFor({ timeout: WITHIN }),
      phone.page.locator('.alarm-banner').waitFor({ timeout: WITHIN }),
    ]);
    assert.ok(Date.now() - raised < WITHIN);
    assert.match(await kiosk.locator('.alarm-message').innerText(), /^Visites suspendues/);
    // The kiosk confirms it in a report, without a stream either.
    await until('the kiosk confirms the alarm', async () => (await staff.get('screens')).screens[0].last_report?.alarm === alarm.id, { seconds: (WITHIN - (Date.now() - raised)) / 1000 });

    const ended = Date.now();
    await staff.end('alarm');
    await Promise.all([
      kiosk.locator('.alarm-screen').waitFor({ state: 'detached', timeout: WITHIN }),
      phone.page.locator('.alarm-banner').waitFor({ state: 'detached', timeout: WITHIN }),
    ]);
    assert.ok(Date.now() - ended < WITHIN);
    await kiosk.locator('.kiosk-panels').waitFor();
    await phone.context.close();
    await paired.context.close();
  } finally {
    release();
  }
});
