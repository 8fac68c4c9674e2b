// Takes a screenshot of every page in each language and size, on a busy day; see
// scripts/screenshots.
import { mkdir } from 'node:fs/promises';
import { makeBusyDay } from './busy_day.mjs';
import { KIOSK, PHONE, launchBrowser, openPage, waitForContent } from './browser.mjs';
import { installClock } from './clock.mjs';
import { startServer } from './server.mjs';
import { openEditor } from './editor.mjs';
import { staffApi } from './staff.mjs';
import { kioskPath } from './kiosk.mjs';

const only = process.argv[2];
const out = 'tests/artifacts/screenshots';

/** The key of the first session still to come that takes sign-ups. */
async function firstSignUp(server) {
  const soon = new Date(Date.now() + 3600e3).toISOString();
  const programmes = (await server.api('/api/v1/programmes')).items;
  const [programme, session] = programmes.flatMap((p) => p.sessions.map((s) => [p, s])).find(([, s]) => s.places && s.starts_at > soon);
  return `programmes/${programme.id}/${session.starts_at.slice(0, 16)}`;
}
/** The key of the first course still open for sign-up. */
async function firstCourse(server) {
  const programmes = (await server.api('/api/v1/programmes')).items.filter((p) => p.enrolment?.kind === 'course');
  for (const programme of programmes) {
    const figures = await server.api(`/api/v1/sign-ups/programmes/${programme.id}`);
    if (figures.window.state === 'open') return `programmes/${programme.id}`;
  }
  throw new Error('the demo has a course open for sign-up');
}
await mkdir(out, { recursive: true });
const server = await startServer();
await makeBusyDay(server);
const course = await firstCourse(server);
const dropIn = (await server.api('/api/v1/programmes')).items.find((p) => !p.enrolment);
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
  programme: `/${course}`,
  'programme-drop-in': `/programmes/${dropIn.id}`,
  info: '/info',
  'short-stay': '/info/short_stay',
  'short-stay-request': '/short-stay-requests',
  'sign-up': `/sign-ups/${await firstSignUp(server)}`,
  'course-sign-up': `/sign-ups/${course}`,
};
const browser = await launchBrowser();
try {
  const portrait = { viewport: { width: 1080, height: 1920 } };
  // The lobby's commonest cheap monitor, and a 1080p one at Windows' 125 % scaling.
  const small = { viewport: { width: 1366, height: 768 } };
  const scaled = { viewport: { width: 1536, height: 864 }, deviceScaleFactor: 1.25 };
  for (const [device, settings] of [['kiosk', KIOSK], ['kiosk-1366x768', small], ['kiosk-1536x864', scaled], ['kiosk-portrait', portrait], ['phone', PHONE]]) {
    for (const lang of ['fr', 'de']) {
      const { page, context, problems } = await openPage(browser, { lang, device: settings });
      // Daytime in Sierre, whatever the hour: at night the kiosk rests as a clock.
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Zurich' }).format(new Date());
      await installClock(page, { time: new Date(`${today}T09:30:00Z`) });
      for (const [name, path] of Object.entries(PAGES)) {
        // Opening /kiosk makes the device a kiosk: the kiosk screens open it first, then each
        // page at its address under it. The kiosk takes no form: it shows no form's page.
        const onKiosk = device !== 'phone';
        const makesKiosk = name === 'kiosk' && onKiosk;
        if (name === 'kiosk' && !makesKiosk) continue;
        if (onKiosk && /^\/(sign-ups|short-stay-requests)/.test(path)) continue;
        if (only && name !== only && !makesKiosk) continue;
        await page.goto(`${server.url}${onKiosk ? kioskPath(path) : path}`);
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
  // A course's roster, two people enrolled and one session ticked.
  for (const [n, name] of [[1, 'Marie Favre'], [2, 'Louis Bonvin']]) {
    if (only && only !== 'editor') break;
    await fetch(`${server.url}/api/v1/sign-ups/${course}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.9.${n}` },
      body: JSON.stringify({ name, phone: `027 455 90 0${n}`, people: 1, lang: 'fr' }),
    });
  }
  for (const lang of ['fr', 'de']) {
    if (only && only !== 'editor') continue;
    const { page, context } = await openEditor(browser, server, 'sign-ups');
    if (lang === 'de') await page.getByRole('button', { name: 'Deutsch' }).click();
    await page.locator('#sign-up-event').selectOption(course);
    await page.locator('table.course-roster').waitFor();
    await page.screenshot({ path: `${out}/editor-course-roster-${lang}.png`, fullPage: true });
    await context.close();
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
  if (!only || only === 'screens') await screens();
  console.log(`screenshots in ${out}/`);
} finally {
  await browser.close();
  await server.stop();
}

/** The screens: a kiosk showing its pairing code, the editor's Screens page, a kiosk turned
 * upright on a landscape window, and the alarm on kiosks, phones and the editor. */
async function screens() {
  const staff = await staffApi(server);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Zurich' }).format(new Date());
  const open = async (lang, device, path) => {
    const opened = await openPage(browser, { lang, device });
    await installClock(opened.page, { time: new Date(`${today}T09:30:00Z`) });
    await opened.page.goto(`${server.url}${path}`);
    await waitForContent(opened.page);
    return opened;
  };
  const kiosks = [];
  const portrait = { viewport: { width: 1080, height: 1920 } };
  const shown = [['fr', 'Hall d’entrée', 'auto', KIOSK, 'fr'], ['de', 'Eingang Leuk', 'auto', KIOSK, 'de'], ['de', 'Étage 1', 'auto', portrait, 'portrait-de'], ['fr', 'Étage 2', 'portrait', KIOSK, 'turned']];
  for (const [lang, name, orientation, device, label] of shown) {
    const kiosk = await open(lang, device, '/kiosk?pair');
    if (lang === 'de') await kiosk.page.getByRole('button', { name: 'Deutsch' }).click();
    await kiosk.page.locator('.pairing-code').waitFor();
    if (orientation === 'auto') await kiosk.page.screenshot({ path: `${out}/kiosk-pairing-${label}.png` });
    const code = (await kiosk.page.locator('.pairing-code strong').innerText()).replace(/\s/g, '');
    const settings = { hours: '00:00-00:00', idle_seconds: 60, language: lang, highlight_seconds: 10, orientation, tiles: ['today', 'activities', 'menus', 'programmes', 'info'] };
    await staff.create('screens', { code, name, place: 'Résidence Plantzette', settings });
    await kiosk.page.locator('.pairing-code').waitFor({ state: 'detached' });
    kiosks.push([label, kiosk]);
  }
  await kiosks[3][1].page.locator('html.turned').waitFor();
  await kiosks[3][1].page.screenshot({ path: `${out}/kiosk-turned-fr.png` });
  const editorShot = async (name) => {
    for (const lang of ['fr', 'de']) {
      const { page, context } = await openEditor(browser, server, 'screens');
      if (lang === 'de') await page.getByRole('button', { name: 'Deutsch' }).click();
      await page.locator('li.screen').nth(3).waitFor();
      await page.screenshot({ path: `${out}/editor-${name}-${lang}.png`, fullPage: true });
      await context.close();
    }
  };
  await editorShot('screens');
  await staff.create('alarm', { message: { fr: 'Évacuation : suivez les indications du personnel.', de: 'Evakuierung: Folgen Sie den Anweisungen des Personals.' } });
  for (const [label, kiosk] of kiosks) {
    await kiosk.page.locator('.alarm-screen').waitFor();
    await kiosk.page.screenshot({ path: `${out}/kiosk-alarm-${label}.png` });
  }
  for (const lang of ['fr', 'de']) {
    const phone = await open(lang, PHONE, '/');
    await phone.page.locator('.alarm-banner').waitFor();
    await phone.page.screenshot({ path: `${out}/today-phone-alarm-${lang}.png` });
    await phone.context.close();
  }
  await editorShot('screens-alarm');
  await staff.end('alarm');
  for (const [, kiosk] of kiosks) await kiosk.context.close();
}
