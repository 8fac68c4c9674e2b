// Playwright's fake clock, made to hand out timer ids a wasm app can give back.
//
// Playwright numbers its fake timers from 1e12 on, but `setTimeout` and its kin return a WebIDL
// `long` (32 bits), and web-sys reads the id as an `i32`: the id comes back truncated, so the
// app's `clearTimeout`/`clearInterval` miss and every cancelled timer runs on. In a real browser
// ids are small and nothing is missed. Seen in the endurance run: one stray 60 s interval more for
// each visit of the kiosk's home, which looked like a leak of the app's own.

/** Installs Playwright's clock on the page's context (as `page.clock.install`), then maps its
 * timer ids to small ones in every document the page loads. */
export async function installClock(page, options) {
  await page.clock.install(options);
  await page.context().addInitScript(smallTimerIds);
  await page.evaluate(smallTimerIds);
}

function smallTimerIds() {
  if (window.smallTimerIds) return;
  window.smallTimerIds = true;
  const pairs = [
    ['setTimeout', 'clearTimeout', true],
    ['setInterval', 'clearInterval', false],
    ['requestAnimationFrame', 'cancelAnimationFrame', true],
    ['requestIdleCallback', 'cancelIdleCallback', true],
  ];
  let next = 1;
  const ids = new Map();
  for (const [schedule, cancel, once] of pairs) {
    const scheduleFake = window[schedule];
    const cancelFake = window[cancel];
    if (!scheduleFake || !cancelFake) continue;
    window[schedule] = function (callback, ...rest) {
      const id = next++;
      // A timer that runs once forgets its id as it runs: the map does not grow with time.
      const run = once && typeof callback === 'function'
        ? function (...args) { ids.delete(id); return callback.apply(this, args); }
        : callback;
      ids.set(id, scheduleFake.call(this, run, ...rest));
      return id;
    };
    window[cancel] = function (id) {
      const fakeId = ids.get(id);
      ids.delete(id);
      return cancelFake.call(this, fakeId ?? id);
    };
  }
}
