// The real mail relay of the server's tests (server/tests/support/smtp_relay.py: Python's
// aiosmtpd on loopback, STARTTLS required, one login), with a certificate authority made for the
// test, and the server's flags that point at it. What it received is read back from its folder.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { until } from './wait.mjs';

export async function startRelay() {
  const dir = mkdtempSync(path.join(tmpdir(), 'plantzette-relay-'));
  const openssl = (...args) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=Test relay CA', '-keyout', 'ca.key', '-out', 'ca.pem');
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost', '-CA', 'ca.pem', '-CAkey', 'ca.key',
    '-addext', 'subjectAltName=DNS:localhost', '-addext', 'basicConstraints=critical,CA:FALSE', '-addext', 'extendedKeyUsage=serverAuth',
    '-keyout', 'key.pem', '-out', 'cert.pem');
  const received = path.join(dir, 'received');
  mkdirSync(received);
  const child = spawn('.venv/bin/python', ['server/tests/support/smtp_relay.py', path.join(dir, 'cert.pem'), path.join(dir, 'key.pem'), received], {
    stdio: ['ignore', 'pipe', 'inherit'],
    // On the real clock under `scripts/test --at`: Python's sleep fails under libfaketime.
    env: { ...process.env, LD_PRELOAD: '' },
  });
  const port = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => line.startsWith('ready ') && resolve(Number(line.slice(6))));
    child.once('exit', (code) => reject(new Error(`the relay exited with ${code}`)));
  });
  return {
    /** The server's flags for this relay, short-stay requests announced to `admissions`. */
    args: (admissions) => [
      '--smtp-host', 'localhost', '--smtp-port', String(port), '--smtp-user', 'plantzette', '--smtp-password', 'relay-secret',
      '--smtp-from', 'Résidence Plantzette <noreply@plantzette.example.ch>', '--smtp-ca-file', path.join(dir, 'ca.pem'),
      '--admissions-email', admissions,
    ],
    /** The first `count` messages received, waiting up to 10 s for them. */
    async received(count) {
      const files = await until(`${count} messages at the relay`, () => {
        const found = readdirSync(received).filter((f) => f.endsWith('.json')).sort();
        return found.length >= count && found;
      });
      return files.map((f) => JSON.parse(readFileSync(path.join(received, f), 'utf8')));
    },
    stop() {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
