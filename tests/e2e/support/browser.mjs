// Debian's Chromium driven by Playwright, and pages that record every console error, page error
// and Content-Security-Policy violation so that a test can fail on them.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { clockAt, nowOn } from './time.mjs';

const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
export const KIOSK = { viewport: { width: 1920, height: 1080 } };

/** The environment without libfaketime: Chromium under it is ten times slower (each of its many
 * clock readings goes through the library), so its pages get their clock from Playwright. */
function environmentOnTheRealClock() {
  const environment = { ...process.env };
  for (const name of ['LD_PRELOAD', 'FAKETIME_TIMESTAMP_FILE', 'FAKETIME_DONT_FAKE_MONOTONIC']) delete environment[name];
  return environment;
}

/** `args`: more flags (`--ignore-certificate-errors` for a proxy's self-signed certificate). */
export function launchBrowser({ args = [] } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [...FLAGS, ...args],
    env: environmentOnTheRealClock(),
  });
}

/**
 * A fresh context and page, by default a French-speaking browser in Switzerland. `lang` is the
 * language chosen before the page opens: on the site (its cookie, for the families' pages) and on
 * the device (for the kiosk);
 * `problems` collects what went wrong in the page. The service worker is blocked unless asked
 * for: requests it makes would escape the tests' request routing.
 */
export async function openPage(browser, { lang, device = PHONE, timezoneId = 'Europe/Zurich', locale = 'fr-CH', serviceWorkers = 'block' } = {}) {
  const context = await browser.newContext({ ...device, timezoneId, locale, serviceWorkers });
  // On a moved clock (`scripts/test --at`), the pages start at the tests' instant, as the servers.
  const own = clockAt();
  if (own.offset !== 0) await context.clock.install({ time: nowOn(own) });
  if (lang) {
    await context.addCookies([{ name: 'plantzette_lang', value: lang, domain: '127.0.0.1', path: '/' }]);
    await context.addInitScript((l) => localStorage.setItem('plantzette.lang', l), lang);
  }
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`)));
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return { page, context, problems };
}

/** Fails with the list of problems the page reported, if any. */
export function assertNoProblems(problems) {
  assert.deepEqual(problems, [], 'the page reported errors');
}

/** Runs axe-core on the page (WCAG 2.2 A and AA, and AAA's 7:1 contrast); fails on any violation. */
export async function assertAccessible(page, label) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'wcag2aaa', 'best-practice'])
    .analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  assert.deepEqual(summary, [], `axe-core violations on ${label}`);
}

/** Waits until the main heading is there and no loading notice is left. */
export async function waitForContent(page) {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForFunction(() => document.querySelector('main .loading') === null);
}
