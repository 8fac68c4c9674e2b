// Starts the real server (the release, scripts/release) on a free port with a fresh SQLite file
// and the demo content, serving the apps built into it, or those of `distDir`. A server can be
// started again on the same port and data, as after a restart.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export async function startServer({ dataDir: reused, port = 0, distDir, args = [] } = {}) {
  const dataDir = reused ?? await mkdtemp(join(tmpdir(), 'plantzette-e2e-'));
  const binary = process.env.PLANTZETTE_SERVER ?? 'target/server/plantzette-server';
  // PLANTZETTE_DIST: the apps of a folder (a fresh scripts/build-apps) without rebuilding the server.
  const folder = distDir ?? process.env.PLANTZETTE_DIST;
  const apps = folder ? ['--dist-dir', folder] : [];
  const child = spawn(binary, ['--demo', '--addr', `127.0.0.1:${port}`, '--data-dir', dataDir, ...apps, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, RUST_LOG: 'warn' },
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
    },
  };
}
