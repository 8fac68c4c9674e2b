// Starts the real server (the release, scripts/release) on a free port with a fresh SQLite file
// and the demo content, serving the apps built into it, or those of `distDir`. A server can be
// started again on the same port and data, as after a restart. `at` starts its clock at an
// instant of the test's choosing (support/time.mjs); `clock` goes on with a stopped server's.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { clockAt, clockEnvironment, dayOn, nowOn } from './time.mjs';

export async function startServer({ dataDir: reused, port = 0, distDir, args = [], at, clock = clockAt(at), demo = true } = {}) {
  const dataDir = reused ?? await mkdtemp(join(tmpdir(), 'plantzette-e2e-'));
  // Beside the data directory, not in it: the server's own files stay its own.
  const clockFile = `${dataDir}.clock`;
  const binary = process.env.PLANTZETTE_SERVER ?? 'target/server/plantzette-server';
  // PLANTZETTE_DIST: the apps of a folder (a fresh scripts/build-apps) without rebuilding the server.
  const folder = distDir ?? process.env.PLANTZETTE_DIST;
  const apps = folder ? ['--dist-dir', folder] : [];
  const child = spawn(binary, [...(demo ? ['--demo'] : []), '--addr', `127.0.0.1:${port}`, '--data-dir', dataDir, ...apps, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, RUST_LOG: 'warn', ...await clockEnvironment(clock, clockFile) },
  });
  const url = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const match = line.match(/serving on (http:\/\/\S+?)\/?$/);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before listening`)));
  });
  return {
    url,
    /** The server's process, whose memory the benchmarks read. */
    pid: child.pid,
    port: Number(new URL(url).port),
    dataDir,
    database: join(dataDir, 'plantzette.sqlite3'),
    /** The server's clock, to start it again on (`startServer({ clock })`). */
    clock,
    /** The instant it is on the server's clock. */
    now: () => nowOn(clock),
    /** The residence's day on the server's clock: "2026-12-07". */
    today: () => dayOn(clock),
    /** The residence's day `offset` days from the server's today. */
    day: (offset) => dayOn(clock, offset),
    /** GETs an API path and returns its JSON. */
    async api(path) {
      const response = await fetch(`${url}${path}`);
      if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
      return response.json();
    },
    /** Stops the server; `keepData` leaves its database for a restart. */
    async stop({ keepData = false } = {}) {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
      if (!keepData) await rm(dataDir, { recursive: true, force: true });
      if (!keepData) await rm(clockFile, { force: true });
    },
  };
}
