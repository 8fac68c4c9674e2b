// axe-core finds no violation on any page, in French and German, on a phone and on the kiosk
// (in kiosk mode: its home, its pagers), on a busy day: WCAG 2.2 A and AA, with AAA's 7:1 contrast.
import { test } from 'node:test';
import { KIOSK, PHONE, assertAccessible, assertNoProblems, openPage, waitForContent } from './support/browser.mjs';
import { useApp } from './support/app.mjs';
import { makeBusyDay } from './support/busy_day.mjs';
import { kioskPath } from './support/kiosk.mjs';

const app = useApp({ prepare: makeBusyDay, at: '10:00' });

const PATHS = ['/', '/activities', '/activities?category=music', '/announcements', '/menus', '/programmes', '/programmes/1', '/info', '/info/short_stay', '/short-stay-requests', '/nowhere'];

for (const [device, settings] of [['phone', PHONE], ['kiosk', KIOSK]]) {
  for (const lang of ['fr', 'de']) {
    test(`every page is accessible (${device}, ${lang})`, async () => {
      const { page, context, problems } = await openPage(app.browser, { lang, device: settings });
      const activity = (await app.server.api('/api/v1/activities')).items[0];
      // The kiosk's own pages, under its home (it takes no request for a stay: no form).
      const paths = [...PATHS, `/activities/${activity.activity_id}/${activity.starts_at.slice(0, 10)}`];
      const shown = device === 'kiosk' ? ['/kiosk', ...paths.filter((p) => p !== '/short-stay-requests').map(kioskPath)] : paths;
      for (const path of shown) {
        await page.goto(`${app.server.url}${path}`);
        await waitForContent(page);
        await assertAccessible(page, `${path} (${device}, ${lang})`);
      }
      // The browser logs the 404 of /nowhere itself; that answer is the point.
      assertNoProblems(problems.filter((p) => !p.includes('status of 404')));
      await context.close();
    });
  }
}
