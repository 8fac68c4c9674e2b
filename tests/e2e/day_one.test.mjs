// Day one of a real residence: the server installed without the demo starts empty and says so on
// its pages, in the reader's language; its first administrator, added with the server's command
// as docs/deploy.md says, fills the residence in and publishes the first activity through the
// editor; the lobby kiosk and a family's phone then show it, without being reloaded by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { assertAccessible, assertNoProblems, launchBrowser, openPage, waitForContent } from './support/browser.mjs';
import { openEditor, save } from './support/editor.mjs';
import { openKiosk } from './support/kiosk.mjs';
import { startServer } from './support/server.mjs';

const ADMIN = { login: 'marie.favre', password: 'premier-jour-2026' };

/** `plantzette-server user add`, on the server's data, the password on standard input. */
async function addAdministrator(server, { login, password }) {
  const binary = process.env.PLANTZETTE_SERVER ?? 'target/server/plantzette-server';
  const child = spawn(binary, ['--data-dir', server.dataDir, 'user', 'add', login, '--name', 'Marie Favre', '--admin'], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.end(`${password}\n`);
  const code = await new Promise((resolve) => child.once('exit', resolve));
  assert.equal(code, 0, 'the first administrator is added');
}

test('an empty install says it is not set up yet, and its first administrator publishes the residence and its first activity', async () => {
  // 10:00 on the server and the kiosk: the activity of 14:00 is the day's next.
  const server = await startServer({ demo: false, at: '10:00' });
  const browser = await launchBrowser();
  try {
    for (const [lang, heading] of [['fr', 'La résidence n\'est pas encore en ligne'], ['de', 'Die Residenz ist noch nicht online']]) {
      for (const path of ['/', '/activities', '/menus', '/info', '/no-such-page']) {
        const response = await fetch(`${server.url}${path}`, { headers: { cookie: `plantzette_lang=${lang}` } });
        assert.equal(response.status, 503, `${path} in ${lang}`);
        assert.match(response.headers.get('content-type'), /^text\/html/, `${path}: a page, not JSON`);
        assert.ok((await response.text()).includes(heading), `${path} says so in ${lang}`);
      }
    }
    const api = await fetch(`${server.url}/api/v1/residence`);
    assert.equal(api.status, 503);
    assert.match((await api.json()).message, /not set up yet/);

    const phone = await openPage(browser, { lang: 'de' });
    await phone.page.goto(server.url);
    await phone.page.getByRole('heading', { level: 1, name: 'Die Residenz ist noch nicht online' }).waitFor();
    await assertAccessible(phone.page, 'the page of a residence not set up yet');

    // The lobby PC set up before the residence: it says so, and waits.
    const kiosk = await openKiosk({ server, browser });
    await kiosk.page.getByRole('heading', { level: 1, name: 'La résidence n\'est pas encore en ligne' }).waitFor();

    await addAdministrator(server, ADMIN);
    const { page, context, problems } = await openEditor(browser, server, 'residence', undefined, ADMIN);
    await page.getByText('La résidence n\u2019est pas encore en ligne').waitFor();
    await assertAccessible(page, 'the residence to fill in');
    await page.getByLabel('Nom', { exact: true }).fill('EMS Les Vergers');
    await page.getByLabel('Rue', { exact: true }).fill('Route de Sion 12');
    await page.getByLabel('NPA', { exact: true }).fill('3960');
    await page.getByLabel('Localité', { exact: true }).fill('Sierre');
    await page.getByLabel('Contact', { exact: true }).fill('Réception');
    await page.getByLabel('Téléphone', { exact: true }).fill('027 455 00 00');
    await page.getByLabel('E-mail', { exact: true }).fill('reception@vergers.example.ch');
    await save(page);
    await page.locator('form.editor-form .status.saved').waitFor();
    assert.equal((await (await fetch(`${server.url}/api/v1/residence`)).json()).name, 'EMS Les Vergers');

    await page.getByRole('link', { name: 'Activités' }).click();
    await page.getByRole('button', { name: 'Nouveau' }).click();
    await page.getByLabel('Titre (français)').fill('Atelier tricot');
    await page.getByLabel('Titre (allemand)').fill('Strickatelier');
    await page.getByLabel('Lieu (français)').fill('Salon');
    await page.getByLabel('Date', { exact: true }).fill(server.today());
    await page.getByLabel('Début').fill('14:00');
    await page.getByLabel('Fin').fill('15:00');
    await save(page);
    await page.locator('form.editor-form .status.saved').waitFor();

    // The kiosk left open shows the home's first activity, by itself.
    await kiosk.page.getByText('Atelier tricot').first().waitFor();
    await phone.page.reload();
    await waitForContent(phone.page);
    await phone.page.getByRole('heading', { level: 1, name: /Heute/ }).waitFor();
    await phone.page.getByText('Strickatelier').first().waitFor();
    assertNoProblems(problems);
    // The browser (and the kiosk's own log) note each answer of 503 before the residence was there.
    const beforeSetUp = (p) => !/status of 503|HTTP 503: the residence is not set up yet/.test(p);
    assertNoProblems(kiosk.problems.filter(beforeSetUp));
    assertNoProblems(phone.problems.filter(beforeSetUp));
  } finally {
    await browser.close();
    await server.stop();
  }
});
