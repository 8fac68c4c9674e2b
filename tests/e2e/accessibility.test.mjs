// axe-core finds no violation on any page, in French and German, on a phone and on the kiosk
// (in kiosk mode: its home, its pagers), on a busy day: WCAG 2.2 A and AA, with AAA's 7:1 contrast.
import { test } from 'node:test';
import { KIOSK, PHONE, assertAccessible, assertNoProblems, openPage, waitForContent } from './support/browser.mjs';
import { useApp } from './support/app.mjs';
import { makeBusyDay } from './support/busy_day.mjs';

const app = useApp({ prepare: makeBusyDay });

const PATHS = ['/', '/activities', '/activities?category=music', '/announcements', '/menus', '/programmes', '/programmes/1', '/info', '/info/short_stay', '/short-stay-requests', '/nowhere'];

for (const [device, settings] of [['phone', PHONE], ['kiosk', KIOSK]]) {
  for (const lang of ['fr', 'de']) {
    test(`every page is accessible (${device}, ${lang})`, async () => {
      const { page, context, problems } = await openPage(app.browser, { lang, device: settings });
      const activity = (await app.server.api('/api/v1/activities')).items[0];
      // Opening /kiosk first makes the browser the kiosk.
      const first = device === 'kiosk' ? ['/kiosk'] : [];
      for (const path of [...first, ...PATHS, `/activities/${activity.activity_id}/${activity.starts_at.slice(0, 10)}`]) {
        await page.goto(`${app.server.url}${path}`);
        await waitForContent(page);
        await assertAccessible(page, `${path} (${device}, ${lang})`);
      }
      assertNoProblems(problems);
      await context.close();
    });
  }
}
