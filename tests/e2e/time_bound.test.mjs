// Announcements shown from and until a time follow the clock, not the last fetch: written in the
// morning for 14:00 to 18:00, an urgent notice and a piece of news appear at 14:00 and are gone at
// 18:00 on the kiosk, with no other change to make the screen fetch again. (A family's page is
// drawn by the server at each minute's check: server/tests/api/pages.rs, today.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KIOSK, assertNoProblems, openPage, waitForContent } from './support/browser.mjs';
import { sierreInstant } from './support/calendar.mjs';
import { installClock } from './support/clock.mjs';
import { useApp } from './support/app.mjs';
import { staffApi } from './support/staff.mjs';

const app = useApp({ at: '09:00' });
const HOUR = 3600e3;

for (const [name, device, path, news] of [['kiosk', KIOSK, '/kiosk', '.kiosk-announcements li']]) {
  test(`on the ${name}, a notice for 14:00 to 18:00 appears at 14:00 and is gone at 18:00`, async () => {
    const today = app.server.today();
    const api = await staffApi(app.server);
    const shown = { shown_from: `${today}T14:00:00`, shown_until: `${today}T18:00:00` };
    const urgent = await api.create('announcements', { text: { fr: `Coupure d'eau (${name})` }, priority: 'urgent', ...shown });
    const important = await api.create('announcements', { text: { fr: `Marché de Noël au hall (${name})` }, priority: 'important', ...shown });
    const { page, context, problems } = await openPage(app.browser, { device });
    await installClock(page, { time: sierreInstant(`${today}T09:00`) });
    await page.goto(`${app.server.url}${path}`);
    await waitForContent(page);
    const banner = page.locator('.urgent-banner', { hasText: `Coupure d'eau (${name})` });
    const item = page.locator(news, { hasText: `Marché de Noël au hall (${name})` });
    assert.equal(await banner.count(), 0, 'not yet in the morning');
    assert.equal(await item.count(), 0, 'not yet in the morning');

    await page.clock.fastForward(5 * HOUR + 60e3);
    await banner.waitFor({ timeout: 5000 });
    await item.waitFor({ timeout: 5000 });

    await page.clock.fastForward(4 * HOUR);
    await banner.waitFor({ state: 'detached', timeout: 5000 });
    await item.waitFor({ state: 'detached', timeout: 5000 });
    assertNoProblems(problems);
    await context.close();
    await api.remove('announcements', urgent);
    await api.remove('announcements', important);
  });
}
