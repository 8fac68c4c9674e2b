// The lobby kiosk as tests open it and measure it: under a controlled clock, with what it reads
// aloud recorded, and checks of its targets and of its fitting the screen.
import { KIOSK, openPage, waitForContent } from './browser.mjs';
import { sierreInstant, zurichWallClock } from './calendar.mjs';
import { installClock } from './clock.mjs';

export const PORTRAIT = { viewport: { width: 1080, height: 1920 } };

/** A kiosk page of `app` whose clock starts at `local` (Sierre time; by default 10:00 today, in
 * the kiosk's day hours) and runs from there. `window.spokenAloud` records what it reads. */
export async function openKiosk(app, local = `${zurichWallClock(new Date()).slice(0, 10)}T10:00`, options = {}) {
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

/** What is wrong with the tappable elements on screen: any smaller than 76 px (20 mm on a 24-inch
 * 1080p screen) either way, and any two closer than 16 px (4 mm), so that a shaky tap does not hit
 * the neighbour. */
export function targetProblems(page) {
  // What a finger can reach: on screen (the skip link waits off screen for keyboards).
  return page.locator('a:visible, button:visible, input:visible').evaluateAll((elements) => {
    const name = (e) => e.textContent.trim() || e.outerHTML.slice(0, 40);
    const targets = elements
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.right > 0 && r.bottom > 0 && r.left < innerWidth);
    const small = targets
      .filter(({ r }) => r.width < 76 || r.height < 76)
      .map(({ e, r }) => `${name(e)} (${Math.round(r.width)}x${Math.round(r.height)})`);
    const cramped = [];
    targets.forEach((a, i) => targets.slice(i + 1).forEach((b) => {
      if (a.e.contains(b.e) || b.e.contains(a.e)) return;
      const dx = Math.max(0, a.r.left - b.r.right, b.r.left - a.r.right);
      const dy = Math.max(0, a.r.top - b.r.bottom, b.r.top - a.r.bottom);
      const gap = Math.hypot(dx, dy);
      if (gap < 16) cramped.push(`${name(a.e)} / ${name(b.e)} (${gap.toFixed(1)} px apart)`);
    }));
    return { small, cramped };
  });
}

/** How the screen fails to fit: its scroll height beyond the viewport's, and every link, button
 * or piece of text shown past an edge (what lies below the fold does not exist for a resident). */
export function fitProblems(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const name = (e) => `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(' ')[0]}` : ''} "${e.textContent.trim().slice(0, 30)}"`;
    const problems = [];
    if (root.scrollHeight !== innerHeight) problems.push(`scroll height ${root.scrollHeight} px for a ${innerHeight} px screen`);
    if (root.scrollWidth !== innerWidth) problems.push(`scroll width ${root.scrollWidth} px for a ${innerWidth} px screen`);
    const shown = [...document.body.querySelectorAll('*')].filter((e) => !e.closest('.skip-link') && e.checkVisibility());
    for (const e of shown) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const tappable = e.matches('a, button, input, select');
      const hasText = [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
      if ((tappable || hasText) && (r.top < -0.5 || r.left < -0.5 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5)) {
        problems.push(`${name(e)} at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`);
      }
    }
    return problems;
  });
}
