// What the app shows that tests read: French month names to recognise dates, and a shared
// set-up of one server and one browser for a test file.
import { after, before } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { startServer } from './server.mjs';

export const MONTHS = {
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
};

/** "2026-11-24" in words without the weekday, as the app writes it: "24 novembre", "24. November". */
export function dayAndMonth(isoDate, lang) {
  const [, month, day] = isoDate.split('-').map(Number);
  const dayText = lang === 'fr' && day === 1 ? '1er' : String(day);
  return lang === 'de' ? `${day}. ${MONTHS.de[month - 1]}` : `${dayText} ${MONTHS.fr[month - 1]}`;
}

/** Starts one server and one browser for the test file, and stops them after it. `prepare`
 * adds content to the server first (top-level hooks of a file run at once, not in turn);
 * `args` are the server's own; `at` the instant its clock starts at (support/time.mjs): a test
 * file that sets the browser's clock sets the server's to the same day. */
export function useApp({ prepare, args, at } = {}) {
  const app = {};
  before(async () => {
    app.server = await startServer({ args, at });
    app.browser = await launchBrowser();
    await prepare?.(app.server);
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.stop();
  });
  return app;
}
