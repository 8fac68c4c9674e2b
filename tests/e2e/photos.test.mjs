// Photos of the home's life: staff add one in the editor to an activity's day, with its
// description and who may see it; a family sees it on the activity's page and among the photos
// of the week, small on a phone and loaded when scrolled near; one for the home's screens only
// is 404 to a phone and shown on an adopted kiosk, beside the text, fitting the screen below an
// urgent notice, and in the highlights; removed or narrowed, it leaves the screens' caches within
// a minute.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PHONE, assertAccessible, assertNoProblems, openPage, waitForContent } from './support/browser.mjs';
import { useApp } from './support/app.mjs';
import { openEditor } from './support/editor.mjs';
import { LOBBY_SCREENS, fitProblems, pairedKiosk, resize, settled } from './support/kiosk.mjs';
import { until } from './support/wait.mjs';
import { staffApi } from './support/staff.mjs';

const app = useApp({ at: '10:00' });
const today = () => app.server.today();

/** A photo as a camera gives it, drawn in a browser's canvas: `width` x `height`, a JPEG. */
async function cameraPhoto(page, width, height) {
  const url = await page.evaluate(([w, h]) => {
    const canvas = Object.assign(document.createElement('canvas'), { width: w, height: h });
    const g = canvas.getContext('2d');
    const sky = g.createLinearGradient(0, 0, 0, h);
    sky.addColorStop(0, '#9cc3e6');
    sky.addColorStop(1, '#2f6b3a');
    g.fillStyle = sky;
    g.fillRect(0, 0, w, h);
    g.fillStyle = '#f2d16b';
    g.beginPath();
    g.arc(w * 0.7, h * 0.3, Math.min(w, h) * 0.12, 0, 7);
    g.fill();
    return canvas.toDataURL('image/jpeg', 0.9);
  }, [width, height]);
  return Buffer.from(url.split(',')[1], 'base64');
}

/** A new activity today from `starts` to `ends` (Sierre time), as staff publish it. */
async function activityToday(staff, title, starts, ends) {
  const item = await staff.create('activities', {
    title: { fr: title, de: `${title} (de)` }, place: { fr: 'Cafétéria', de: 'Cafeteria' }, category: 'social',
    registration_required: false, wheelchair_accessible: true,
    starts_at: `${today()}T${starts}:00`, ends_at: `${today()}T${ends}:00`,
  });
  return item.id;
}

/** The photo shown at `selector` once loaded: its text alternative and the file the browser chose. */
async function shownPhoto(page, selector) {
  const image = page.locator(selector).first();
  await image.scrollIntoViewIfNeeded();
  await page.waitForFunction((s) => { const i = document.querySelector(s); return i?.complete && i.naturalWidth > 0; }, selector);
  return image.evaluate((i) => ({ alt: i.alt, loading: i.getAttribute('loading'), file: new URL(i.currentSrc).pathname }));
}

/** Whether the service worker of `page` keeps a file of the photo `hash`. */
const inCache = (page, hash) => page.evaluate(async (h) => (await (await caches.open('plantzette-photos')).keys()).some((k) => k.url.includes(h)), hash);

/** Waits until `check` says yes, failing after `seconds`; returns the time it took. */
async function eventually(check, seconds, what) {
  const started = Date.now();
  await until(what, check, { seconds });
  return Date.now() - started;
}

test('staff add a photo to an activity\'s day in the editor, and a family sees it, small, on its page and among the week\'s', async () => {
  const staff = await staffApi(app.server);
  const id = await activityToday(staff, 'Loto de l\u2019Avent', '15:00', '16:00');
  const { page: editor, context: editorContext, problems: editorProblems } = await openEditor(app.browser, app.server, 'photos');
  await editor.getByRole('heading', { name: 'Photos', level: 2 }).waitFor();
  // Nothing chosen: each missing field says so, beside it; nothing is sent.
  await editor.getByRole('button', { name: 'Ajouter la photo' }).click();
  for (const field of ['#photo-owner', '#photo-file', '#photo-description-fr']) {
    await editor.locator(`.field:has(${field}) .field-error`, { hasText: 'Ce champ est obligatoire.' }).waitFor();
  }
  await editor.getByLabel('Pour', { exact: true }).selectOption({ label: 'Activité · Loto de l\u2019Avent' });
  await editor.getByLabel('Un seul jour').fill(today());
  await editor.getByLabel('Photo (JPEG').setInputFiles({ name: 'IMG_0412.jpg', mimeType: 'image/jpeg', buffer: await cameraPhoto(editor, 1600, 1200) });
  await editor.getByLabel('Description (lue à la place de la photo) (français)').fill('Les cartons du loto sur les tables de la cafétéria');
  await editor.getByLabel('Description (lue à la place de la photo) (allemand)').fill('Die Lottokarten auf den Tischen der Cafeteria');
  await editor.getByLabel('Accord enregistré pour les familles sur le web').check();
  await editor.getByRole('button', { name: 'Ajouter la photo' }).click();
  await editor.locator('.photo-form .status.saved').waitFor();
  // The next photo's consent is chosen anew, from the least: the home's screens.
  assert.equal(await editor.locator('.photo-form').getByLabel('Accord enregistré pour les familles sur le web').isChecked(), false, 'the web is not kept for the next photo');
  assert.equal(await editor.locator('.photo-form input[name=consent]:checked').getAttribute('value'), 'in_house');
  const row = editor.locator('li.photo', { hasText: 'Les cartons du loto' });
  await row.getByText(`Activité · Loto de l\u2019Avent · ${today().split('-').reverse().join('.')}`).waitFor();
  await assertAccessible(editor, 'the photos page');

  // A family's phone: on the activity's page, loaded when scrolled near, the small size.
  const { page: phone, context: phoneContext, problems: phoneProblems } = await openPage(app.browser, { device: PHONE });
  await phone.goto(`${app.server.url}/activities/${id}/${today()}`);
  await waitForContent(phone);
  const onPage = await shownPhoto(phone, 'section.photos img');
  assert.equal(onPage.alt, 'Les cartons du loto sur les tables de la cafétéria');
  assert.equal(onPage.loading, 'lazy');
  assert.match(onPage.file, /^\/photos\/[0-9a-f]{16}-480\.webp$/, 'a phone downloads the small size, in WebP');
  await assertAccessible(phone, 'an activity with its photo');
  // Among the week's photos, under today, leading to the activity.
  await phone.goto(`${app.server.url}/photos`);
  const figure = phone.locator(`section:has(h2#photos-${today()}) figure`, { hasText: 'Loto de l\u2019Avent' });
  assert.equal(await figure.getByRole('link', { name: 'Loto de l\u2019Avent' }).getAttribute('href'), `/activities/${id}/${today()}`);
  // What it shows, written under it; one photo across the phone, big enough to see who is in it.
  await figure.locator('figcaption').getByText('Les cartons du loto sur les tables de la cafétéria').waitFor();
  assert.ok((await figure.locator('img').boundingBox()).width > 300, 'one photo across a phone');
  assert.equal((await shownPhoto(phone, `#photos-${today()} + .gallery img`)).alt, 'Les cartons du loto sur les tables de la cafétéria');
  await assertAccessible(phone, 'the photos of the week');
  assertNoProblems(phoneProblems);
  // In German, its German description.
  const { page: german, context: germanContext } = await openPage(app.browser, { device: PHONE, lang: 'de' });
  await german.goto(`${app.server.url}/photos`);
  await german.getByRole('heading', { name: /Fotos der Woche/ }).waitFor();
  assert.equal(await german.locator('.gallery img').first().getAttribute('alt'), 'Die Lottokarten auf den Tischen der Cafeteria');
  await germanContext.close();

  // Narrowed in the editor to the home's screens: off the family's page at once.
  const { file } = onPage;
  const saved = (label) => Promise.all([
    editor.waitForResponse((response) => response.url().includes('/api/v1/staff/photos/') && response.request().method() === 'PUT'),
    row.getByLabel(label).check(),
  ]).then(([response]) => response.status());
  // Three changes in a row, each from the version the one before saved.
  assert.equal(await saved('Résidents reconnaissables, accord pour les écrans de la maison'), 200);
  assert.equal(await saved('Accord enregistré pour les familles sur le web'), 200);
  assert.equal(await saved('Résidents reconnaissables, accord pour les écrans de la maison'), 200);
  await row.locator('.status.saved').waitFor();
  await phone.goto(`${app.server.url}/activities/${id}/${today()}`);
  await waitForContent(phone);
  assert.equal(await phone.locator('section.photos').count(), 0);
  assert.equal((await phone.request.get(`${app.server.url}${file}`)).status(), 404);

  // Removed for good, once asked again: off the list and off every address.
  await row.getByRole('button', { name: 'Retirer la photo' }).click();
  await row.getByRole('alert').getByText('ne peut pas être rétablie').waitFor();
  await assertAccessible(editor, 'a removal asked again');
  await row.getByRole('button', { name: 'Oui, la retirer' }).click();
  await row.waitFor({ state: 'detached' });
  assert.equal((await staff.get('photos')).filter((photo) => photo.description.fr.startsWith('Les cartons du loto')).length, 0);
  assertNoProblems(editorProblems);
  await Promise.all([editorContext.close(), phoneContext.close()]);
});

test('a photo for the home\'s screens is 404 to a phone and shown on an adopted kiosk, fitting beside the text and in the highlights', async () => {
  const staff = await staffApi(app.server);
  const id = await activityToday(staff, 'Atelier de bricolage', '14:00', '15:00');
  const { page: scratch, context: scratchContext } = await openPage(app.browser);
  // Upright, as a phone held straight takes it: the tallest a photo beside the text can be.
  const photo = await staff.addPhoto(`activities/${id}/${today()}`, { description: { fr: 'Des étoiles en papier doré' }, consent: 'in_house' }, await cameraPhoto(scratch, 900, 1600));
  await scratchContext.close();
  const { page: phone, context: phoneContext } = await openPage(app.browser, { device: PHONE });
  assert.equal((await phone.request.get(`${app.server.url}/photos/${photo.hash}-480.webp`)).status(), 404, 'a phone');
  await phone.goto(`${app.server.url}/activities/${id}/${today()}`);
  await waitForContent(phone);
  assert.equal(await phone.locator('img[alt="Des étoiles en papier doré"]').count(), 0, 'not on the public page');
  await phoneContext.close();

  // An adopted kiosk at 13:30: the activity is next, with its photo in the highlights.
  const { page, context, problems } = await pairedKiosk(app, staff, 'Hall des photos', {}, `${today()}T13:30`);
  const highlight = page.locator('.highlight', { hasText: 'Atelier de bricolage' });
  for (let turn = 0; turn < 12 && !(await highlight.count()); turn += 1) await page.clock.runFor(10_000);
  await highlight.locator('img[alt="Des étoiles en papier doré"]').waitFor();
  assert.deepEqual(await fitProblems(page), [], 'the home with the photo in its highlights');
  // An urgent notice above the activity: the photo makes room for it, never covers it.
  const urgent = await staff.create('announcements', {
    text: { fr: 'Coupure d\u2019eau cet après-midi' }, priority: 'urgent', shown_from: `${today()}T00:00:00`, shown_until: `${today()}T23:59:00`,
  });
  await page.goto(`${app.server.url}/kiosk/activities/${id}/${today()}`);
  await waitForContent(page);
  const banner = page.locator('.urgent-banner', { hasText: 'Coupure d\u2019eau' });
  await banner.waitFor();
  const beside = await shownPhoto(page, '.beside-photo img');
  assert.equal(beside.alt, 'Des étoiles en papier doré');
  for (const { name, viewport } of LOBBY_SCREENS.filter((screen) => ['1366x768', '1920x1080', '1280x1024', '1920x1080 upright'].includes(screen.name))) {
    await resize(page, viewport);
    await settled(page);
    assert.deepEqual(await fitProblems(page), [], `the activity with its photo on ${name}`);
    const [text, image] = await Promise.all(['.beside-photo-text', '.beside-photo img'].map((s) => page.locator(s).boundingBox()));
    if (name.endsWith('upright')) assert.ok(image.y + image.height <= text.y, `${name}: the photo above the text`);
    else assert.ok(image.x >= text.x + text.width, `${name}: the photo beside the text`);
    // Large: the text keeps three fifths of what the notices leave (an upright photo on an
    // upright screen, the smallest case, is a quarter of its height).
    assert.ok(image.y + image.height <= viewport.height && image.height >= viewport.height / 4 - 1, `${name}: the photo whole on the screen, and large`);
    const notice = await banner.boundingBox();
    assert.ok(notice.y + notice.height <= image.y, `${name}: the notice above the photo, whole`);
  }
  await staff.remove('announcements', urgent);
  assertNoProblems(problems);
  await context.close();
});

test('a photo removed, or narrowed to the home\'s screens, leaves the screens\' caches within a minute', async () => {
  const staff = await staffApi(app.server);
  const id = await activityToday(staff, 'Chorale de Noël', '16:00', '17:00');
  const { page: scratch, context: scratchContext } = await openPage(app.browser);
  const [choir, fullChoir] = [await cameraPhoto(scratch, 1200, 900), await cameraPhoto(scratch, 1000, 800)];
  await scratchContext.close();
  const forFamilies = await staff.addPhoto(`activities/${id}/${today()}`, { description: { fr: 'La chorale en répétition' }, consent: 'families' }, choir);
  const forTheHome = await staff.addPhoto(`activities/${id}`, { description: { fr: 'Le chœur au complet' }, consent: 'in_house' }, fullChoir);

  // A family's phone whose service worker keeps the page and its photo.
  const { page: phone, context: phoneContext } = await openPage(app.browser, { device: PHONE, serviceWorkers: 'allow' });
  await phone.goto(`${app.server.url}/activities/${id}/${today()}`);
  await phone.evaluate(() => navigator.serviceWorker.ready);
  await phone.reload();
  await phone.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await shownPhoto(phone, 'img[alt="La chorale en répétition"]');
  await eventually(() => inCache(phone, forFamilies.hash), 10, 'the phone keeps the photo');

  // An adopted kiosk whose service worker keeps the photo for the home's screens.
  const { page: kiosk, context: kioskContext, problems: kioskProblems } = await pairedKiosk(app, staff, 'Hall des caches', {}, undefined, { serviceWorkers: 'allow' });
  await kiosk.evaluate(() => navigator.serviceWorker.ready);
  await kiosk.goto(`${app.server.url}/kiosk/activities/${id}/${today()}`);
  await kiosk.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await waitForContent(kiosk);
  assert.equal((await shownPhoto(kiosk, '.beside-photo img')).alt, 'Le chœur au complet', 'the latest photo');
  await eventually(() => inCache(kiosk, forTheHome.hash), 10, 'the kiosk keeps the photo');

  // Narrowed, and removed: within a minute, out of each cache and off each screen.
  await staff.replace('photos', forFamilies, { description: { fr: 'La chorale en répétition' }, consent: 'in_house' });
  await staff.remove('photos', forTheHome);
  await Promise.all([
    eventually(async () => !(await inCache(phone, forFamilies.hash)), 60, 'narrowed: out of the phone\'s cache'),
    eventually(async () => !(await inCache(kiosk, forTheHome.hash)), 60, 'removed: out of the kiosk\'s cache'),
  ]);
  assert.equal(await phone.locator('img[alt="La chorale en répétition"]').count(), 0, 'off the phone\'s page');
  // The kiosk shows the day's photo in its place: for the home's screens now, still for it.
  await kiosk.locator('.beside-photo img[alt="La chorale en répétition"]').waitFor();
  assertNoProblems(kioskProblems);
  await Promise.all([phoneContext.close(), kioskContext.close()]);
});

test('a staff PC keeps none of the photos the editor shows in its service worker', async () => {
  const staff = await staffApi(app.server);
  const id = await activityToday(staff, 'Atelier bougies', '15:30', '16:30');
  const { page: scratch, context: scratchContext } = await openPage(app.browser);
  const [candles, lit] = [await cameraPhoto(scratch, 800, 600), await cameraPhoto(scratch, 900, 600)];
  await scratchContext.close();
  const inHouse = await staff.addPhoto(`activities/${id}`, { description: { fr: 'Les bougies de l’atelier' }, consent: 'in_house' }, candles);
  const forFamilies = await staff.addPhoto(`activities/${id}/${today()}`, { description: { fr: 'Les bougies allumées' }, consent: 'families' }, lit);

  // The office PC's browser opened the families' site first: its worker controls the editor too.
  const { page, context } = await openPage(app.browser, { device: { viewport: { width: 1366, height: 900 } }, serviceWorkers: 'allow' });
  await page.goto(`${app.server.url}/`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.goto(`${app.server.url}/gestion/photos`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.getByLabel('Identifiant').fill('direction');
  await page.getByLabel('Mot de passe').fill('plantzette-demo');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await shownPhoto(page, 'img[alt="Les bougies de l’atelier"]');
  // The same worker keeps a photo a family's page shows, loaded after the editor's.
  const family = await context.newPage();
  await family.goto(`${app.server.url}/activities/${id}/${today()}`);
  await shownPhoto(family, 'img[alt="Les bougies allumées"]');
  await eventually(() => inCache(family, forFamilies.hash), 10, 'a family page\'s photo kept');
  assert.equal(await inCache(page, inHouse.hash), false, 'the editor\'s in-house photo is not kept');
  await context.close();
});
