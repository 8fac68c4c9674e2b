// The staff editor as a page object: log in, open a section, fill a form by its labels.
import { openPage } from './browser.mjs';
import { installClock } from './clock.mjs';

export const STAFF = { login: 'direction', password: 'plantzette-demo' };

/** An office PC's browser (or `device`: a tablet) at the editor, logged in as the demo
 * administrator (or `account`). */
export async function openEditor(browser, server, section = 'activities', device = { viewport: { width: 1366, height: 900 } }, account = STAFF) {
  const opened = await openPage(browser, { device });
  const { page } = opened;
  // A server started at an instant of the test's (`useApp({ at })`; a proxy has no clock): the editor's clock too, so
  // that "today" and "the coming week" are the server's even when the run crosses midnight.
  if (server.now && Math.abs(server.now().getTime() - Date.now()) > 60e3) await installClock(page, { time: server.now() });
  await page.goto(`${server.url}/gestion/${section}`);
  await page.getByLabel('Identifiant').fill(account.login);
  await page.getByLabel('Mot de passe').fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  return opened;
}

/** Saves the open form and waits for the editor to say how it went. */
export async function save(page) {
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.locator('form.editor-form .status').first().waitFor();
}
