// The lobby kiosk as tests open it and measure it: under a controlled clock, with what it reads
// aloud recorded, and checks of its targets and of its fitting the screen.
import { KIOSK, openPage, waitForContent } from './browser.mjs';
import { sierreInstant } from './calendar.mjs';
import { installClock } from './clock.mjs';

export const PORTRAIT = { viewport: { width: 1080, height: 1920 } };

/** A kiosk page of `app` whose clock starts at `local` (Sierre time; by default 10:00 of the
 * server's today, in the kiosk's day hours) and runs from there. `window.spokenAloud` records
 * what it reads. */
export async function openKiosk(app, local = `${app.server.today()}T10:00`, options = {}) {
  const opened = await openPage(app.browser, { device: KIOSK, ...options });
  await opened.context.addInitScript(() => {
    window.spokenAloud = [];
    const speak = speechSynthesis.speak.bind(speechSynthesis);
    speechSynthesis.speak = (utterance) => { window.spokenAloud.push({ text: utterance.text, lang: utterance.lang }); speak(utterance); };
  });
  await installClock(opened.page, { time: sierreInstant(local) });
  await opened.page.goto(`${app.server.url}/kiosk${options.settings ?? ''}`);
  await waitForContent(opened.page);
  return opened;
}

/** A screen's hours that never end. */
const ALWAYS = '00:00-00:00';

/** A screen's settings as the editor saves them: always on, in French, unless `overrides` say. */
export function screenSettings(overrides = {}) {
  return { hours: ALWAYS, idle_seconds: 60, language: 'fr', highlight_seconds: 10, orientation: 'auto', tiles: ['today', 'activities', 'menus', 'programmes', 'info'], ...overrides };
}

/** The code a kiosk waiting for adoption shows, as an administrator types it. */
export async function pairingCode(page) {
  const shown = await page.locator('.pairing-code strong').innerText();
  return shown.replace(/\s/g, '');
}

/** A kiosk of `app` adopted through the staff API under `name` (`staff`: `staffApi`), its clock
 * at `local` (10:00 of the server's today by default), opened with `options` (`openPage`'s). */
export async function pairedKiosk(app, staff, name, overrides, local = undefined, options = {}) {
  const kiosk = await openKiosk(app, local, { ...options, settings: '?pair' });
  const code = await pairingCode(kiosk.page);
  await staff.create('screens', { code, name, place: 'Résidence', settings: screenSettings(overrides) });
  await kiosk.page.locator('.pairing-code').waitFor({ state: 'detached' });
  return kiosk;
}

/** The kiosk's address of a page (`/menus?day=…` → `/kiosk/menus?day=…`): its pages are under
 * its home, and its day programme is `/kiosk/today`. */
export function kioskPath(path) {
  if (path === '/kiosk' || path.startsWith('/kiosk/') || path.startsWith('/kiosk?')) return path;
  return path === '/' ? '/kiosk/today' : `/kiosk${path}`;
}

/** The screens lobbies have, as the browser sees them: CSS pixels and the system's scaling
 * (1920x1080 at 150 % is 1280x720 CSS pixels of 1.5 device pixels), each landscape and upright. */
export const LOBBY_SCREENS = [
  ['1280x720', 1280, 720, 1], ['1366x768', 1366, 768, 1], ['1280x1024', 1280, 1024, 1],
  ['1920x1080', 1920, 1080, 1], ['1920x1080 at 125 %', 1536, 864, 1.25], ['1920x1080 at 150 %', 1280, 720, 1.5],
  ['2560x1440', 2560, 1440, 1], ['3840x2160 at 200 %', 1920, 1080, 2],
].flatMap(([name, width, height, scale]) => [
  { name, viewport: { width, height }, scale },
  { name: `${name} upright`, viewport: { width: height, height: width }, scale },
]);

/** The kiosk's sizing rule (style.css, html.kiosk): the rem that makes the screen a canvas of 60
 * by 33.75 of them, in CSS pixels. */
export function kioskRem({ width, height }) {
  return Math.max(16, Math.min(Math.max(width, height) / 60, Math.min(width, height) / 33.75));
}

/** Resizes the page and waits until the layout and the paged lists have followed. */
export async function resize(page, viewport) {
  await page.setViewportSize(viewport);
  await page.waitForFunction(({ width, height }) => innerWidth === width && innerHeight === height, viewport);
  await settled(page);
}

/** Waits until the paged lists have followed a change of the space they have (the screen's
 * size, a notice appearing above them): the lists measured again (a ResizeObserver), then their
 * pages drawn. */
export async function settled(page) {
  for (let frame = 0; frame < 3; frame += 1) await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
}

/** What is wrong with the tappable elements on screen: any smaller than 2.375 rem (76 px, 20 mm,
 * on a 24-inch 1080p screen) either way, and any two closer than 0.5 rem (4 mm), so that a shaky
 * tap does not hit the neighbour. In rem: the kiosk's sizes follow the screen's. */
export function targetProblems(page) {
  // What a finger can reach: on screen (the skip link waits off screen for keyboards).
  return page.locator('a:visible, button:visible, input:visible').evaluateAll((all) => {
    // Over everything when shown (the alarm, the night clock): only what is on it can be tapped.
    const overlay = [...document.querySelectorAll('.alarm-screen, .night')].find((e) => e.checkVisibility());
    const elements = overlay ? all.filter((e) => overlay.contains(e)) : all;
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    const name = (e) => e.textContent.trim() || e.outerHTML.slice(0, 40);
    const targets = elements
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.right > 0 && r.bottom > 0 && r.left < innerWidth);
    const small = targets
      .filter(({ r }) => r.width < 2.375 * rem - 0.5 || r.height < 2.375 * rem - 0.5)
      .map(({ e, r }) => `${name(e)} (${Math.round(r.width)}x${Math.round(r.height)})`);
    const cramped = [];
    targets.forEach((a, i) => targets.slice(i + 1).forEach((b) => {
      if (a.e.contains(b.e) || b.e.contains(a.e)) return;
      const dx = Math.max(0, a.r.left - b.r.right, b.r.left - a.r.right);
      const dy = Math.max(0, a.r.top - b.r.bottom, b.r.top - a.r.bottom);
      const gap = Math.hypot(dx, dy);
      if (gap < 0.5 * rem - 0.5) cramped.push(`${name(a.e)} / ${name(b.e)} (${gap.toFixed(1)} px apart)`);
    }));
    return { small, cramped };
  });
}

/** How the screen fails to fit: its scroll height beyond the viewport's; every link, button or
 * piece of text shown past an edge (what lies below the fold does not exist for a resident);
 * text drawn under another element (a button over a dish's name); and text cut off by a box too
 * small for it, but where a line clamp's ellipsis says so (the whole is then a tap away). */
export function fitProblems(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const name = (e) => `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(' ')[0]}` : ''} "${e.textContent.trim().slice(0, 30)}"`;
    const problems = [];
    if (root.scrollHeight !== innerHeight) problems.push(`scroll height ${root.scrollHeight} px for a ${innerHeight} px screen`);
    if (root.scrollWidth !== innerWidth) problems.push(`scroll width ${root.scrollWidth} px for a ${innerWidth} px screen`);
    // Over everything when shown (the alarm, the night clock): only what is on it counts.
    const overlay = [...document.querySelectorAll('.alarm-screen, .night')].find((e) => e.checkVisibility());
    const within = overlay ?? document.body;
    const unseen = (e) => e.closest('.skip-link, .visually-hidden');
    const shown = [...within.querySelectorAll('*')].filter((e) => !unseen(e) && e.checkVisibility());
    for (const e of shown) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const tappable = e.matches('a, button, input, select');
      const hasText = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
      if ((tappable || hasText) && (r.top < -0.5 || r.left < -0.5 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5)) {
        problems.push(`${name(e)} at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`);
      }
    }
    const clamps = (style) => (style.webkitLineClamp && style.webkitLineClamp !== 'none') || style.textOverflow === 'ellipsis';
    const clips = (style) => style.overflowX !== 'visible' || style.overflowY !== 'visible';
    const walker = document.createTreeWalker(within, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!node.textContent.trim() || !parent || unseen(parent) || !parent.checkVisibility()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const line of range.getClientRects()) {
        if (line.width < 1 || line.height < 1) continue;
        // Cut off: the part of the line each clipping box around it leaves, narrowed by a clamp.
        let left = line.left, right = line.right, top = line.top, bottom = line.bottom;
        for (let box = parent; box && box !== document.body; box = box.parentElement) {
          const style = getComputedStyle(box);
          if (!clips(style)) continue;
          const b = box.getBoundingClientRect();
          if (clamps(style)) {
            [left, right, top, bottom] = [Math.max(left, b.left), Math.min(right, b.right), Math.max(top, b.top), Math.min(bottom, b.bottom)];
            // A line mostly past the clamp is one the ellipsis stands for (a glyph's box pokes
            // out a pixel past its line box).
            if (left >= right || bottom - top < line.height / 2) {
              bottom = top;
              break;
            }
          } else if (left < b.left - 1 || right > b.right + 1 || top < b.top - 1 || bottom > b.bottom + 1) {
            problems.push(`${name(parent)} cut off by ${name(box)}`);
            break;
          }
        }
        if (left >= right || top >= bottom) continue;
        // Drawn under another element: what is hit where the line's text is.
        const y = (top + bottom) / 2;
        for (const x of [left + 0.1 * (right - left), (left + right) / 2, right - 0.1 * (right - left)]) {
          if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
          const hit = document.elementFromPoint(x, y);
          // A card's link stretched over it (tap anywhere on the card) is transparent.
          const stretched = hit && getComputedStyle(hit, '::after').position === 'absolute';
          if (hit && !parent.contains(hit) && !hit.contains(parent) && !stretched) {
            problems.push(`${name(parent)} under ${name(hit)}`);
            break;
          }
        }
      }
    }
    return [...new Set(problems)];
  });
}
