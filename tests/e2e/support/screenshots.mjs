// Takes a screenshot of every page in each language and size, on a busy day; see
// scripts/screenshots.
import { mkdir } from 'node:fs/promises';
import { makeBusyDay } from './busy_day.mjs';
import { KIOSK, PHONE, launchBrowser, openPage, waitForContent } from './browser.mjs';
import { installClock } from './clock.mjs';
import { startServer } from './server.mjs';
import { openEditor } from './editor.mjs';

const only = process.argv[2];
const out = 'tests/artifacts/screenshots';
await mkdir(out, { recursive: true });
const server = await startServer();
await makeBusyDay(server);
const concert = (await server.api('/api/v1/activities')).items.find((o) => o.category === 'music' && !o.recurring);
const PAGES = {
  kiosk: '/kiosk',
  today: '/',
  announcements: '/announcements',
  activities: '/activities',
  music: '/activities?category=music',
  activity: `/activities/${concert.activity_id}/${concert.starts_at.slice(0, 10)}`,
  menus: '/menus',
  programmes: '/programmes',
  programme: '/programmes/1',
  info: '/info',
  'short-stay': '/info/short_stay',
};
const browser = await launchBrowser();
try {
  const portrait = { viewport: { width: 1080, height: 1920 } };
  for (const [device, settings] of [['kiosk', KIOSK], ['kiosk-portrait', portrait], ['phone', PHONE]]) {
    for (const lang of ['fr', 'de']) {
      const { page, context, problems } = await openPage(browser, { lang, device: settings });
      // Daytime in Sierre, whatever the hour: at night the kiosk rests as a clock.
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Zurich' }).format(new Date());
      await installClock(page, { time: new Date(`${today}T09:30:00Z`) });
      for (const [name, path] of Object.entries(PAGES)) {
        // Opening /kiosk makes the device a kiosk: the kiosk screens open it first.
        const makesKiosk = name === 'kiosk' && device !== 'phone';
        if (name === 'kiosk' && !makesKiosk) continue;
        if (only && name !== only && !makesKiosk) continue;
        await page.goto(`${server.url}${path}`);
        await waitForContent(page);
        await page.screenshot({ path: `${out}/${name}-${device}-${lang}.png` });
      }
      if (problems.length) console.error(problems.join('\n'));
      await context.close();
    }
  }
  // The staff editor on an office screen, in both staff languages.
  for (const lang of ['fr', 'de']) {
    for (const section of ['activities', 'menus', 'announcements', 'programmes', 'residence', 'pages']) {
      if (only && only !== 'editor') continue;
      const { page, context } = await openEditor(browser, server, section);
      if (lang === 'de') await page.getByRole('button', { name: 'Deutsch' }).click();
      // The residence is a form at once; every other section opens its first item.
      if (section !== 'residence') await page.getByRole('button', { name: lang === 'de' ? 'Bearbeiten' : 'Modifier' }).first().click();
      await page.locator('form.editor-form').waitFor();
      await page.screenshot({ path: `${out}/editor-${section}-${lang}.png`, fullPage: true });
      await context.close();
    }
  }
  // The editor's Print page, its preview drawn.
  for (const lang of ['fr', 'de']) {
    if (only && only !== 'editor') continue;
    const { page, context } = await openEditor(browser, server, 'print');
    if (lang === 'de') await page.getByRole('button', { name: 'Deutsch' }).click();
    await page.frameLocator('iframe').locator('table.week').waitFor();
    await page.screenshot({ path: `${out}/editor-print-${lang}.png` });
    await context.close();
  }
  console.log(`screenshots in ${out}/`);
} finally {
  await browser.close();
  await server.stop();
}
