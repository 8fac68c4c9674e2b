// The server and the lobby PC as an administrator installs them (docs/deploy.md, docs/kiosk.md):
// the release serves the apps built into it; deploy/install puts the release binary, its unit and its settings in place, and both systemd
// units pass `systemd-analyze verify`; the kiosk's launcher starts the browser on the kiosk's
// address and starts it again within 10 s when it is killed. Here the browser runs headless and
// the units are checked, not booted: this machine runs no systemd.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { access, chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './support/proxy.mjs';
import { startServer } from './support/server.mjs';
import { staffApi } from './support/staff.mjs';
import { until } from './support/wait.mjs';

const run = promisify(execFile);
const SERVER = process.env.PLANTZETTE_SERVER ?? 'target/server/plantzette-server';

/** `systemd-analyze verify` on a unit whose programs are at `paths` (installed, here, elsewhere). */
async function verify(unitFile, paths) {
  let unit = await readFile(unitFile, 'utf8');
  for (const [from, to] of paths) unit = unit.replaceAll(from, to);
  const dir = await mkdtemp(join(tmpdir(), 'plantzette-unit-'));
  const copy = join(dir, unitFile.split('/').pop());
  await writeFile(copy, unit);
  try {
    const { stderr } = await run('systemd-analyze', ['verify', copy]).catch((error) => assert.fail(`${unitFile}: ${error.stderr}`));
    assert.equal(stderr.trim(), '', `${unitFile} verifies without a warning`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('deploy/install puts the release, its unit and its settings in place, and the units verify', async () => {
  const root = await mkdtemp(join(tmpdir(), 'plantzette-root-'));
  try {
    const { stdout } = await run('deploy/install', [SERVER], { env: { ...process.env, DESTDIR: root } });
    assert.match(stdout, /installed into/);
    const { stdout: version } = await run(join(root, 'usr/local/bin/plantzette-server'), ['--version']);
    assert.match(version, /^plantzette-server \d+\.\d+\.\d+ \(commit \w+\), apps built in, app build [0-9a-f]{8,16}$/m);
    const settings = await readFile(join(root, 'etc/plantzette/plantzette.env'), 'utf8');
    assert.match(settings, /^PLANTZETTE_PUBLIC_URL=https:/m);
    assert.match(settings, /^PLANTZETTE_TRUSTED_PROXIES=127\.0\.0\.1$/m);
    await access(join(root, 'var/backups/plantzette'));

    // Settings an administrator changed survive an upgrade.
    await writeFile(join(root, 'etc/plantzette/plantzette.env'), 'PLANTZETTE_PUBLIC_URL=https://ems.example.ch\n');
    await run('deploy/install', [SERVER], { env: { ...process.env, DESTDIR: root } });
    assert.equal(await readFile(join(root, 'etc/plantzette/plantzette.env'), 'utf8'), 'PLANTZETTE_PUBLIC_URL=https://ems.example.ch\n');

    const unit = join(root, 'etc/systemd/system/plantzette.service');
    const text = await readFile(unit, 'utf8');
    for (const hardening of ['ProtectSystem=strict', 'NoNewPrivileges=yes', 'StateDirectory=plantzette', 'User=plantzette', 'Restart=on-failure', 'KillSignal=SIGTERM']) {
      assert.ok(text.includes(hardening), hardening);
    }
    await verify(unit, [['/usr/local/bin/plantzette-server', join(root, 'usr/local/bin/plantzette-server')]]);
    // systemd's own rating of what the service may do: 2.0 or less.
    const { stdout: rating } = await run('systemd-analyze', ['security', '--offline=true', unit]);
    const exposure = Number(rating.match(/Overall exposure level for plantzette\.service: ([\d.]+)/)?.[1]);
    assert.ok(exposure <= 2.0, `exposure ${exposure}: ${rating}`);
    // cage is the lobby PC's, not this machine's: any program stands in for it.
    const cage = await access('/usr/bin/cage').then(() => '/usr/bin/cage', () => '/usr/bin/env');
    await verify('deploy/kiosk/plantzette-kiosk.service', [
      ['/usr/bin/cage', cage],
      ['/usr/local/bin/plantzette-kiosk', join(process.cwd(), 'deploy/kiosk/plantzette-kiosk')],
    ]);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('the release serves the apps built into it: the brotli copy, an ETag and its 304, deep links, the families\' islands and 404s', async () => {
  const server = await startServer();
  try {
    const shell = await fetch(`${server.url}/kiosk`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(shell.status, 200);
    assert.equal(shell.headers.get('content-encoding'), 'br');
    assert.match(shell.headers.get('content-type'), /^text\/html/);
    const wasm = (await shell.text()).match(/\/kiosk-[0-9a-f]{8,16}_bg\.wasm/)[0];
    const version = await server.api('/api/v1/version');
    assert.ok(wasm.includes(version.app_build), 'the version names the build served');

    const file = await fetch(`${server.url}${wasm}`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(file.headers.get('content-encoding'), 'gzip');
    assert.equal(file.headers.get('content-type'), 'application/wasm');
    assert.match(file.headers.get('cache-control'), /immutable/);
    const again = await fetch(`${server.url}${wasm}`, { headers: { 'accept-encoding': 'gzip', 'if-none-match': file.headers.get('etag') } });
    assert.equal(again.status, 304);

    // A family's page, rendered by the server, names its islands' start, built in too.
    const page = await (await fetch(`${server.url}/programmes`)).text();
    const start = page.match(/\/islands-start-[0-9a-f]{16}\.js/)[0];
    const islands = await fetch(`${server.url}${start}`);
    assert.equal(islands.status, 200);
    assert.match(islands.headers.get('cache-control'), /immutable/);
    assert.match(await islands.text(), /islands-[0-9a-f]{16}_bg\.wasm/);

    const editor = await fetch(`${server.url}/gestion/accounts`);
    assert.match(await editor.text(), /plantzette-editor-[0-9a-f]{8,16}_bg\.wasm/);
    const missing = await fetch(`${server.url}/kiosk-0000000000000000_bg.wasm`);
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('cache-control'), 'no-store');
  } finally {
    await server.stop();
  }
});

/** The settings file as systemd's EnvironmentFile reads it: NAME=value lines, comments aside. */
async function settings(file) {
  const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => /^[A-Z_]+=/.test(line));
  return Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

test('the server runs as the unit runs it, with the settings file as shipped', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'plantzette-service-'));
  const [port, metricsPort] = [await freePort(), await freePort()];
  // As shipped, but for the places this machine has: its own ports and folders.
  const env = {
    ...await settings('deploy/plantzette.env'),
    PLANTZETTE_DATA_DIR: join(dir, 'lib'),
    PLANTZETTE_ADDR: `127.0.0.1:${port}`,
    PLANTZETTE_BACKUP_DIR: join(dir, 'backups'),
    PLANTZETTE_METRICS_ADDR: `127.0.0.1:${metricsPort}`,
  };
  const server = spawn(SERVER, [], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = `http://127.0.0.1:${port}`;
    // Ready, with the first backup taken at its start.
    const ready = await waitFor('the server ready and backed up', 10, () => fetch(`${url}/readyz`)
      .then(async (r) => r.ok && (await r.clone().json()).backup_overdue === false && r, () => undefined));
    assert.equal(ready.headers.get('strict-transport-security'), 'max-age=31536000', 'the public address is https');
    const backups = await readdir(join(dir, 'backups'));
    assert.ok(backups.some((name) => /^plantzette-\d{4}-\d\d-\d\dT\d{6}\.sqlite3$/.test(name)), `${backups}`);
    const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    assert.match(await metrics.text(), /^plantzette_last_backup_timestamp_seconds [1-9]/m);
    // Stopped as systemd stops it: SIGTERM, and it ends by itself.
    server.kill('SIGTERM');
    const code = await new Promise((resolve) => server.once('exit', (exitCode) => resolve(exitCode)));
    assert.equal(code, 0);
  } finally {
    server.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
});

/** The pid of the browser's main process on `profile`, if one runs. */
async function browserPid(profile) {
  const { stdout } = await run('pgrep', ['-f', '--', `--user-data-dir=${profile}`]).catch(() => ({ stdout: '' }));
  for (const pid of stdout.split('\n').filter(Boolean)) {
    const command = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (!command.includes('--type=') && command.includes('chromium')) return Number(pid);
  }
  return undefined;
}

const waitFor = (what, seconds, probe) => until(what, probe, { seconds });

test('the kiosk launcher opens the kiosk\'s address and starts the browser again within 10 s when it is killed', async () => {
  const server = await startServer();
  const profile = await mkdtemp(join(tmpdir(), 'plantzette-kiosk-profile-'));
  const address = `${server.url}/kiosk?pair`;
  const launcher = spawn('deploy/kiosk/plantzette-kiosk', [], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      PLANTZETTE_KIOSK_URL: address,
      PLANTZETTE_KIOSK_PROFILE: profile,
      PLANTZETTE_KIOSK_BROWSER: process.env.CHROMIUM ?? '/usr/bin/chromium',
      // A value with a space, in quotes, as an administrator writes it in kiosk.env.
      PLANTZETTE_KIOSK_FLAGS: '--headless=new --no-sandbox --disable-gpu --disable-quic --user-agent="Plantzette lobby"',
    },
  });
  let log = '';
  launcher.stderr.on('data', (chunk) => { log += chunk; });
  try {
    const first = await waitFor('the browser started', 20, () => browserPid(profile));
    const opened = (await readFile(`/proc/${first}/cmdline`, 'utf8')).split('\0').filter(Boolean);
    assert.ok(opened.includes(address), `the browser opens the kiosk's address: ${opened.join(' ')}`);
    assert.ok(opened.includes('--user-agent=Plantzette lobby'), `a quoted flag stays one: ${opened.join(' ')}`);
    assert.ok(opened.includes('--kiosk'));
    process.kill(first, 'SIGKILL');
    const killedAt = Date.now();
    const second = await waitFor('the browser started again', 10, async () => {
      const pid = await browserPid(profile);
      return pid !== first ? pid : undefined;
    });
    assert.ok(Date.now() - killedAt < 10000);
    assert.notEqual(second, first);
    assert.match(log, /the browser stopped/);
  } finally {
    process.kill(-launcher.pid, 'SIGKILL');
    const left = await browserPid(profile);
    if (left) process.kill(left, 'SIGKILL');
    await server.stop();
    await rm(profile, { recursive: true, force: true });
  }
});

/** "HH:MM" of the residence's clock, `minutes` from now. */
function residenceTime(minutes) {
  const at = new Date(Date.now() + minutes * 60e3);
  return at.toLocaleTimeString('de-CH', { timeZone: 'Europe/Zurich', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

// The display's power follows the hours set in the editor, one source for the night clock and
// the display: hours running past midnight and "always" included. wlr-randr is the lobby PC's
// compositor's tool; a script stands in for it here and writes down what it was asked.
test('the lobby PC\'s display follows the hours of its screen as set in the editor', async () => {
  const server = await startServer();
  const staff = await staffApi(server);
  const dir = await mkdtemp(join(tmpdir(), 'plantzette-display-'));
  const calls = join(dir, 'calls');
  await writeFile(join(dir, 'wlr-randr'), `#!/bin/sh\n[ $# -eq 0 ] && { echo 'HDMI-A-1 "Lobby screen"'; exit 0; }\necho "$*" >> '${calls}'\n`, { mode: 0o755 });
  // Each look at the hours is counted on its way to the real curl.
  const looks = join(dir, 'looks');
  await writeFile(join(dir, 'curl'), `#!/bin/sh\necho >> '${looks}'\nexec /usr/bin/curl "$@"\n`, { mode: 0o755 });
  const introduced = await fetch(`${server.url}/api/v1/screen`, { method: 'POST' });
  const { waiting: { code } } = await introduced.json();
  const settings = (hours) => ({ hours, idle_seconds: 60, language: 'fr', highlight_seconds: 10, orientation: 'auto', tiles: ['today'] });
  // Awake from an hour ago until two hours before now: a range that runs past midnight.
  await staff.create('screens', { code, name: 'Hall', place: '', settings: settings(`${residenceTime(-60)}-${residenceTime(-120)}`) });
  const [screen] = (await staff.get('screens')).screens;
  const launcher = spawn('deploy/kiosk/plantzette-kiosk', [], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      PATH: `${dir}:${process.env.PATH}`,
      PLANTZETTE_KIOSK_URL: `${server.url}/kiosk?pair`,
      PLANTZETTE_KIOSK_SCREEN: String(screen.id),
      PLANTZETTE_KIOSK_CHECK_EVERY: '1',
      PLANTZETTE_KIOSK_PROFILE: join(dir, 'profile'),
      // No browser here: the display alone is looked at.
      PLANTZETTE_KIOSK_BROWSER: 'sleep',
      PLANTZETTE_KIOSK_FLAGS: '3600',
    },
  });
  const asked = async () => (await readFile(calls, 'utf8').catch(() => '')).trim().split('\n').filter(Boolean);
  const setHours = async (hours) => {
    const [current] = (await staff.get('screens')).screens;
    await staff.replace('screens', current, { name: current.name, place: current.place, settings: settings(hours) });
  };
  try {
    assert.deepEqual((await server.api(`/api/v1/screens/${screen.id}/awake`)).awake, true, 'within hours past midnight');
    // Two looks at the hours, each answered "awake", and the display left as it is.
    await waitFor('two looks at the hours', 10, async () => (await readFile(looks, 'utf8').catch(() => '')).length >= 2);
    assert.deepEqual(await asked(), [], 'awake: the display is left on');
    // Awake only from an hour from now until two hours from now: asleep now.
    await setHours(`${residenceTime(60)}-${residenceTime(120)}`);
    await waitFor('the display switched off', 5, async () => (await asked()).includes('--output HDMI-A-1 --off'));
    await setHours('00:00-00:00');
    await waitFor('the display switched on again, always awake', 5, async () => (await asked()).at(-1) === '--output HDMI-A-1 --on');
  } finally {
    process.kill(-launcher.pid, 'SIGKILL');
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
});

// The restore of docs/deploy.md, its commands as written but for the places: a scratch folder
// for /var, `nobody` for the service's user (systemctl aside: no systemd runs here). As root, as
// an administrator runs them.
test('the restore steps of docs/deploy.md work as written, as root', { skip: process.getuid() !== 0 && 'needs root' }, async () => {
  const scratch = await mkdtemp(join(tmpdir(), 'plantzette-restore-'));
  await chmod(scratch, 0o755);
  const dataDir = join(scratch, 'var/lib/plantzette');
  const backupDir = join(scratch, 'var/backups/plantzette');
  const binary = resolve(SERVER);
  try {
    const before = await startServer({ dataDir });
    const activities = await before.api('/api/v1/activities');
    await before.stop({ keepData: true });
    await mkdir(backupDir, { recursive: true });
    const backup = join(backupDir, 'plantzette-2026-12-01T030000.sqlite3');
    await run(binary, ['--data-dir', dataDir, 'backup', backup]);
    await run('chown', ['-R', 'nobody:nogroup', join(scratch, 'var')]);

    const docs = await readFile('docs/deploy.md', 'utf8');
    const steps = docs.slice(docs.indexOf('**Restoring**')).match(/```sh\n([\s\S]*?)```/)[1];
    const script = steps.split('\n').filter((line) => line && !line.startsWith('systemctl ')).join('\n')
      .replaceAll('/var/', `${scratch}/var/`)
      .replaceAll(' plantzette-server ', ` ${binary} `)
      .replaceAll('-u plantzette', '-u nobody')
      .replaceAll('-o plantzette -g plantzette', '-o nobody -g nogroup');
    assert.match(script, /restore/);
    const { stdout } = await run('bash', ['-euc', script]);
    assert.match(stdout, /^restored /m);

    const after = await startServer({ dataDir });
    assert.deepEqual(await after.api('/api/v1/activities'), activities, 'the restored data serves the same activities');
    await after.stop();
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
});
